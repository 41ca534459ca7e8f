//! The raw token kinds recognised by logos, before the layout pass.
//!
//! Fixed-spelling tokens (keywords, operators, delimiters) are complete here and travel on
//! to the grammar unchanged inside `Tok::Sym`. The variants at the end only *start* a token
//! (a number, a string, a non-ASCII identifier) or carry layout information (newline,
//! backslash); `layout.rs` finishes them with hand-written scanners so that error messages
//! match CPython's tokenizer exactly. Whitespace other than newlines and comments is skipped.

use logos::Logos;

#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip r"#[^\r\n]*")]
pub enum Kind {
    // ---- keywords (soft keywords `match`, `case`, `_` are plain names) ----
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // ---- delimiters and operators ----
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
    /// Not produced by logos: the layout pass turns the `(` right after `with` into this when
    /// it opens a parenthesized list of with-items (`with (a as b, c):`), which an LR(1)
    /// grammar cannot tell apart from a parenthesized expression in time.
    WithLPar,

    // ---- token starts finished by hand in the layout pass ----
    #[regex(r"[A-Za-z_][A-Za-z0-9_]*")]
    Name,
    /// Any non-ASCII character: the start of a Unicode identifier, or an invalid character.
    #[regex(r"[^\x00-\x7F]")]
    NonAscii,
    #[regex(r"[0-9]|\.[0-9]")]
    Number,
    /// A string prefix (any case) and the opening quote.
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?["']"#)]
    StrStart,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[token("\\")]
    Backslash,
}

impl Kind {
    /// The source spelling of a fixed token, as used in error messages.
    pub fn text(self) -> &'static str {
        use Kind::*;
        match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            LPar | WithLPar => "(",
            RPar => ")",
            LSqb => "[",
            RSqb => "]",
            LBrace => "{",
            RBrace => "}",
            Colon => ":",
            Comma => ",",
            Semi => ";",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            VBar => "|",
            Amper => "&",
            Less => "<",
            Greater => ">",
            Equal => "=",
            Dot => ".",
            Percent => "%",
            EqEqual => "==",
            NotEqual => "!=",
            LessEqual => "<=",
            GreaterEqual => ">=",
            Tilde => "~",
            Circumflex => "^",
            LeftShift => "<<",
            RightShift => ">>",
            DoubleStar => "**",
            PlusEqual => "+=",
            MinEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            PercentEqual => "%=",
            AmperEqual => "&=",
            VBarEqual => "|=",
            CircumflexEqual => "^=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            DoubleStarEqual => "**=",
            DoubleSlash => "//",
            DoubleSlashEqual => "//=",
            At => "@",
            AtEqual => "@=",
            RArrow => "->",
            Ellipsis => "...",
            ColonEqual => ":=",
            Name => "<name>",
            NonAscii => "<non-ascii>",
            Number => "<number>",
            StrStart => "<string>",
            Newline => "<newline>",
            Backslash => "\\",
        }
    }

    /// True for the reserved words (which can never be identifiers).
    pub fn is_keyword(self) -> bool {
        (self as u8) <= (Kind::Yield as u8)
    }

    pub fn is_open_bracket(self) -> bool {
        matches!(
            self,
            Kind::LPar | Kind::LSqb | Kind::LBrace | Kind::WithLPar
        )
    }

    pub fn is_close_bracket(self) -> bool {
        matches!(self, Kind::RPar | Kind::RSqb | Kind::RBrace)
    }
}
