import asyncio
import threading


async def slow_report():
    try:
        await asyncio.sleep(30)  # the report service is down
        return "the report"
    except asyncio.CancelledError:
        print("report: cancelled")
        raise


def main():  # a synchronous app, with a loop in a helper thread
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    future = asyncio.run_coroutine_threadsafe(slow_report(), loop)
    try:
        print("got", future.result())
    except TimeoutError:
        print("app: no report, carrying on")

    loop.call_soon_threadsafe(loop.stop)
    thread.join()
    print("app: done")
    loop.close()


main()
