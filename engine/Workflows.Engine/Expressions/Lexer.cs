using System.Globalization;
using System.Text;

namespace Workflows.Engine.Expressions;

/// <summary>Splits expression text into tokens; stops at the first character that cannot start one.</summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["null"] = TokenKind.Null,
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, i, i, ""));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            i = token.End;
        }
    }

    private static Token Next(string text, int start)
    {
        var c = text[start];
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        if (char.IsAsciiDigit(c))
        {
            return ReadNumber(text, start);
        }

        if (c is '"' or '\'')
        {
            return ReadText(text, start);
        }

        if (IsIdentifierStart(c))
        {
            var end = start + 1;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            var word = text[start..end];
            return Keywords.TryGetValue(word, out var keyword)
                ? new Token(keyword, start, end, word)
                : new Token(TokenKind.Identifier, start, end, word, word.Normalize(NormalizationForm.FormC));
        }

        (TokenKind Kind, int Length)? symbol = (c, next) switch
        {
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('!', _) => (TokenKind.Not, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            ('(', _) => (TokenKind.OpenParen, 1),
            (')', _) => (TokenKind.CloseParen, 1),
            ('[', _) => (TokenKind.OpenBracket, 1),
            (']', _) => (TokenKind.CloseBracket, 1),
            (',', _) => (TokenKind.Comma, 1),
            ('.', _) => (TokenKind.Dot, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            _ => null,
        };
        if (symbol is { } s)
        {
            return new Token(s.Kind, start, start + s.Length, text.Substring(start, s.Length));
        }

        var hint = c switch
        {
            '=' => " Use '==' to compare.",
            '&' => " Use '&&' (or 'and').",
            '|' => " Use '||' (or 'or').",
            '“' or '”' or '‘' or '’' => " Use straight quotes \" or ' around text.",
            _ => "",
        };
        throw new ExpressionFailure(start, $"Unexpected character '{c}'.{hint}");
    }

    private static Token ReadNumber(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end < text.Length && text[end] == '.')
        {
            end++;
            if (end >= text.Length || !char.IsAsciiDigit(text[end]))
            {
                throw new ExpressionFailure(end, "Expected a digit after the decimal point, e.g. 0.5.");
            }

            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        if (end < text.Length && IsIdentifierPart(text[end]))
        {
            throw new ExpressionFailure(end, $"Unexpected '{text[end]}' after the number {text[start..end]}; numbers use digits and one '.' only.");
        }

        var source = text[start..end];
        if (!decimal.TryParse(source, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw new ExpressionFailure(start, $"The number {source} is too large.");
        }

        return new Token(TokenKind.Number, start, end, source, value);
    }

    private static Token ReadText(string text, int start)
    {
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                return new Token(TokenKind.Text, start, i + 1, text[start..(i + 1)], builder.ToString());
            }

            if (c == '\\')
            {
                var escaped = i + 1 < text.Length ? text[i + 1] : '\0';
                _ = escaped switch
                {
                    '"' or '\'' or '\\' => builder.Append(escaped),
                    'n' => builder.Append('\n'),
                    'r' => builder.Append('\r'),
                    't' => builder.Append('\t'),
                    _ => throw new ExpressionFailure(i, $"Unknown escape '\\{(escaped == '\0' ? "" : escaped)}' in text; use \\\" \\' \\\\ \\n \\r or \\t."),
                };
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new ExpressionFailure(start, $"Text opened with {quote} at {start} is not closed; add a closing {quote}.");
    }

    internal static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    // Combining marks let "Nguyễn" written in decomposed form (as some Vietnamese keyboards do) stay one name.
    internal static bool IsIdentifierPart(char c) =>
        c == '_' || char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
