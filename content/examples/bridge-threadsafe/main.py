import asyncio
import threading


async def fetch_price(item):
    print(f"fetching {item}")
    await asyncio.sleep(0.5)
    return {"apple": 3, "pear": 4}[item]


def main():  # synchronous code that keeps the main thread: a GUI, a legacy app
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    for item in ["apple", "kiwi", "pear"]:
        future = asyncio.run_coroutine_threadsafe(fetch_price(item), loop)
        try:
            price = future.result(timeout=2)  # blocks this thread, 2 s at most
        except KeyError as e:
            print(f"{item}: no price ({e!r})")
        else:
            print(f"{item}: {price}")

    loop.call_soon_threadsafe(loop.stop)  # the one safe way to stop it from here
    thread.join()
    print("loop stopped, thread ended")
    loop.close()


main()
