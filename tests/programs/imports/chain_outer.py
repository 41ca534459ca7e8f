print("chain_outer: importing chain_inner")
import chain_inner

print("chain_outer: never reached")
