//! Tokenizer tests: the layout pass's token stream and its errors.
