# Uncaught exception chained with `raise ... from err`: "The above exception was the direct cause of ..."
def parse_port(text):
    try:
        port = int(text)
    except ValueError as err:
        raise ValueError(f"invalid port specification {text!r}") from err
    if not 0 < port < 65536:
        raise ValueError(f"port {port} out of range")
    return port


def parse_address(address):
    host, port_text = address.split(":")
    return host, parse_port(port_text)


for address in ["localhost:8080", "example.org:443"]:
    print("parsed", parse_address(address))
try:
    parse_address("db:70000")
except ValueError as err:
    print("rejected:", err)
print("parsed", parse_address("cache:sixty"))
print("not reached")
