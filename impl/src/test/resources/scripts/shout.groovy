// a transformer: the payload in capitals, with the number of exclamation marks the header asks for
payload.toUpperCase() + '!' * (headers['excitement'] ?: 1)
