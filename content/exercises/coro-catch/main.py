import asyncio


class QuoteUnavailable(Exception):
    pass


QUOTES = {"AAPL": 189.5, "MSFT": 411.25}


async def fetch_quote(symbol):
    await asyncio.sleep(0.5)  # the market data service answers
    if symbol not in QUOTES:
        raise QuoteUnavailable(f"no quote for {symbol}")
    return QUOTES[symbol]


async def price_line(symbol):
    price = await fetch_quote(symbol)
    return f"{symbol}: {price:.2f}"


async def main():
    for symbol in ["AAPL", "XYZ", "MSFT"]:
        print(await price_line(symbol))
    print("report done")


asyncio.run(main())
