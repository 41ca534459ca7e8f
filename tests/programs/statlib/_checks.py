class StatisticsError(ValueError):
    pass


def require_data(data, at_least, what):
    if len(data) < at_least:
        plural = "s" if at_least > 1 else ""
        raise StatisticsError(f"{what} requires at least {at_least} data point{plural}")
