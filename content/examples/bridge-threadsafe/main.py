import asyncio
import threading


async def fetch_price(item):
    print(f"fetching {item}")
    try:
        await asyncio.sleep(5 if item == "pear" else 0.5)  # pear's server is slow
    except asyncio.CancelledError:
        print(f"{item}: cancelled")
        raise
    return {"apple": 3, "pear": 4}[item]


def main():  # synchronous code that keeps the main thread: a GUI, a legacy app
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    for item in ["apple", "pear", "kiwi"]:
        future = asyncio.run_coroutine_threadsafe(fetch_price(item), loop)
        try:
            price = future.result(timeout=2)  # blocks this thread, 2 s at most
        except KeyError as e:
            print(f"{item}: no price ({e!r})")
        except TimeoutError:
            print(f"{item}: no answer after 2 s")
            future.cancel()  # cancels the task on the loop
        else:
            print(f"{item}: {price}")

    loop.call_soon_threadsafe(loop.stop)  # the one safe way to stop it from here
    thread.join()
    print("loop stopped, thread ended")
    loop.close()


main()
