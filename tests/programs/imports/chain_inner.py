def configure(settings):
    return settings["missing"]


configure({"present": 1})
