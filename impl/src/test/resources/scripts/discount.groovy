// the price after the customer's discount
payload.price * (1 - discount)
