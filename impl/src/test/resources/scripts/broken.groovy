// compiles up to the third line
def price = payload.length()
price +* 2
