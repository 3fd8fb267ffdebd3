// which kitchen prepares a drink
payload in menu.hotDrinks() ? 'hotDrinks' : 'coldDrinks'
