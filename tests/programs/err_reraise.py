# Uncaught RuntimeError re-raised with a bare `raise` after logging, through a retry loop in another function
attempts = []


def flaky_fetch(name, attempt):
    attempts.append((name, attempt))
    if name == "broken" or attempt < 2:
        raise RuntimeError(f"fetch of {name!r} failed on attempt {attempt}")
    return f"<{name} data>"


def fetch_with_retry(name, retries=3):
    for attempt in range(1, retries + 1):
        try:
            return flaky_fetch(name, attempt)
        except RuntimeError as err:
            print(f"  warning: {err}")
            if attempt == retries:
                print(f"  giving up on {name!r}")
                raise
    return None


for name in ["index", "about", "broken"]:
    print(f"fetching {name}...")
    print("  got", fetch_with_retry(name))
print("not reached")
