# Uncaught exception raised inside an except block: "During handling of the above exception, another exception occurred"
DEFAULTS = {"TIMEOUT": 30, "RETRIES": 3}


def load_setting(settings, name):
    try:
        return settings[name]
    except KeyError:
        print(f"setting {name!r} missing, falling back to defaults")
        fallback = DEFAULTS[name.upper()]
        return fallback


def describe(settings):
    for name in ["timeout", "retries", "verbosity"]:
        value = load_setting(settings, name)
        print(f"  {name:<10}= {value}")


settings = {"timeout": 10}
print("loading settings:", settings)
describe(settings)
print("not reached")
