# CPython's integer string conversion limit (CVE-2020-10735): str(), repr(), f-strings, %d,
# format() and int() refuse decimal numbers longer than sys.get_int_max_str_digits() digits;
# the power-of-two bases are never limited; the limit can be changed or turned off (0).
import sys
print(sys.get_int_max_str_digits())
x = 10**4300
for f in (str, repr, lambda v: f'{v}', lambda v: '%d' % v, lambda v: format(v, 'd'), lambda v: format(v, ','), lambda v: format(v, '_x')[:4], lambda v: '%x' % v and 'hexok', lambda v: format(-v, '>5d')):
    try: print(f(x)[:10])
    except ValueError as e: print('VE', e)
print(len(str(10**4299)), len(str(-10**4299)))
for n in (0, 640, 639, -1, 'x'):
    try: sys.set_int_max_str_digits(n); print('set', n, sys.get_int_max_str_digits())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=700)
try: int('1' * 701)
except ValueError as e: print(e)
print(len(str(int('1' * 700))))
try: str(10**700)
except ValueError as e: print(e)
try: int('1' * 701, 16); print('hex fine')
except ValueError as e: print(e)
try: int('1' * 701, 7)
except ValueError as e: print(e)
sys.set_int_max_str_digits(0)
print(len(str(10**20000)))
try: str(10**(10**5))[:3]; print("ok")
except ValueError as e: print(e)
sys.set_int_max_str_digits(4300)
try: str(10**(10**6))
except ValueError as e: print('big', e)
