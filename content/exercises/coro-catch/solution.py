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
    try:
        price = await fetch_quote(symbol)  # the error surfaces at this await
    except QuoteUnavailable as e:  # only the failure we expect
        return f"{symbol}: unavailable ({e})"
    return f"{symbol}: {price:.2f}"


async def main():
    for symbol in ["AAPL", "XYZ", "MSFT"]:
        print(await price_line(symbol))
    print("report done")


asyncio.run(main())
