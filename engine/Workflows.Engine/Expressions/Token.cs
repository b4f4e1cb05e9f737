namespace Workflows.Engine.Expressions;

internal enum TokenKind
{
    End,
    Number,
    Text,
    Identifier,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    In,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
}

/// <summary>One token; <see cref="Value"/> holds the decoded number, text or identifier.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Source, object? Value = null)
{
    public string Display => Kind == TokenKind.End ? "the end of the expression" : $"'{Source}'";
}
