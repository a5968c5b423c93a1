import * as asyncio from "asyncio";

class QuoteUnavailable extends Error {
  override name = "QuoteUnavailable";
}

const QUOTES: Record<string, number> = { AAPL: 189.5, MSFT: 411.25 };

async function fetchQuote(symbol: string): Promise<number> {
  await asyncio.sleep(0.5); // the market data service answers
  const price = QUOTES[symbol];
  if (price === undefined) throw new QuoteUnavailable(`no quote for ${symbol}`);
  return price;
}

async function priceLine(symbol: string): Promise<string> {
  try {
    const price = await fetchQuote(symbol); // the error surfaces at this await
    return `${symbol}: ${price.toFixed(2)}`;
  } catch (e) {
    // Catch only the failure we expect, as `except QuoteUnavailable as e:` would.
    if (!(e instanceof QuoteUnavailable)) throw e;
    return `${symbol}: unavailable (${e.message})`;
  }
}

async function main(): Promise<void> {
  for (const symbol of ["AAPL", "XYZ", "MSFT"]) {
    print(await priceLine(symbol));
  }
  print("report done");
}

asyncio.run(main);
