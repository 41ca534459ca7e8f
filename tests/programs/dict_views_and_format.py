# Set-like dict views (keys/items with | & - ^, comparisons, isdisjoint) and nested
# replacement fields inside str.format specs.
d = {1: 'a', 2: 'b'}
k = d.keys()
print(k == {1, 2}, k != {1}, {1, 2} == k, k | {3}, {3} | k, k & [2, 5], k - {1}, k ^ {2, 3}, [7] | k)
print(d.items() == {(1, 'a'), (2, 'b')}, (1, 'a') in d.items(), (1, 'b') in d.items(), [1] in d.items())
print(k <= {1, 2, 3}, k < {1, 2}, k >= {1}, k > {1, 2}, k.isdisjoint([3]), d.items().isdisjoint({(1, 'a')}))
print(d.keys() == d.keys(), d.values() == d.values(), k == [1, 2])
try:
    k | 5
except TypeError as e:
    print(e)
try:
    d.values() | {1}
except TypeError as e:
    print(e)
print('{:{}}|'.format('ab', 5), '{:>{w}.{p}f}|'.format(3.14159, w=10, p=2), '{0:{1}{2}}|'.format(7, '>', 4))
w = 6
print(f'{"x":{w}}|', f'{3.5:{w}.{2}f}|')
try:
    '{:{:{}}}'.format(1, 2, 3)
except ValueError as e:
    print(e)
