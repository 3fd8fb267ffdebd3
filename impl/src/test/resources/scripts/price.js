// a service activator in JavaScript: the price of a drink
payload.length * rate
