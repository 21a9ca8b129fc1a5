#include "Selectors.h"

#include "Validation.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// The lexer and recursive-descent parser of k8s.io/apimachinery/pkg/labels/selector.go, token for token,
// so that the apiserver's BadRequest texts come out the same.
enum class Token {
    EndOfString,
    ClosedPar,
    Comma,
    DoesNotExist,
    DoubleEquals,
    Equals,
    GreaterThan,
    Identifier,
    In,
    LessThan,
    NotEquals,
    NotIn,
    OpenPar
};

struct ScannedItem
{
    Token token;
    QString literal;
};

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isSpecialSymbol(QChar c)
{
    return QStringView(u"=!(),><").contains(c);
}

QList<ScannedItem> scan(const QString &text)
{
    static const QHash<QString, Token> literalTokens = {
        {u")"_s, Token::ClosedPar},     {u","_s, Token::Comma},    {u"!"_s, Token::DoesNotExist},
        {u"=="_s, Token::DoubleEquals}, {u"="_s, Token::Equals},   {u">"_s, Token::GreaterThan},
        {u"in"_s, Token::In},           {u"<"_s, Token::LessThan}, {u"!="_s, Token::NotEquals},
        {u"notin"_s, Token::NotIn},     {u"("_s, Token::OpenPar},
    };
    QList<ScannedItem> items;
    qsizetype pos = 0;
    for (;;) {
        while (pos < text.size() && isWhitespace(text[pos]))
            ++pos;
        if (pos == text.size()) {
            items.append({Token::EndOfString, {}});
            return items;
        }
        qsizetype end = pos + 1;
        if (isSpecialSymbol(text[pos])) {
            // Every special symbol is a token by itself; "!=" and "==" are the only longer ones the
            // upstream longest-match scan can find.
            const QStringView two = QStringView(text).mid(pos, 2);
            if (two == u"!=" || two == u"==")
                end = pos + 2;
        } else {
            while (end < text.size() && !isSpecialSymbol(text[end]) && !isWhitespace(text[end]))
                ++end;
        }
        const QString literal = text.mid(pos, end - pos);
        items.append({literalTokens.value(literal, Token::Identifier), literal});
        pos = end;
    }
}

QString found(const QString &literal, QLatin1StringView expected)
{
    return u"found '"_s + literal + u"', expected: "_s + expected;
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_items(scan(text))
    { }

    std::optional<QList<LabelSelector::Requirement>> parse(QString *error);

private:
    // In a value position "in" and "notin" are ordinary identifiers: `x in (in)`.
    enum class Context { KeyAndOperator, Values };

    ScannedItem lookahead(Context context) const { return contextual(m_items[m_position], context); }
    ScannedItem consume(Context context) { return contextual(m_items[m_position++], context); }
    static ScannedItem contextual(ScannedItem item, Context context)
    {
        if (context == Context::Values && (item.token == Token::In || item.token == Token::NotIn))
            item.token = Token::Identifier;
        return item;
    }

    std::optional<LabelSelector::Requirement> parseRequirement();
    std::optional<QStringList> parseValues();
    std::optional<QStringList> parseIdentifiersList();
    std::optional<QStringList> parseExactValue();
    std::optional<LabelSelector::Requirement> newRequirement(const QString &key, LabelSelector::Op op,
                                                             QStringList values);

    QList<ScannedItem> m_items;
    qsizetype m_position = 0;
    QString m_error;
};

std::optional<QList<LabelSelector::Requirement>> Parser::parse(QString *error)
{
    QList<LabelSelector::Requirement> requirements;
    for (;;) {
        const ScannedItem next = lookahead(Context::Values);
        if (next.token == Token::EndOfString)
            return requirements;
        if (next.token != Token::Identifier && next.token != Token::DoesNotExist) {
            *error = found(next.literal, "!, identifier, or 'end of string'"_L1);
            return std::nullopt;
        }
        const std::optional<LabelSelector::Requirement> requirement = parseRequirement();
        if (!requirement) {
            *error = u"unable to parse requirement: "_s + m_error;
            return std::nullopt;
        }
        requirements.append(*requirement);
        const ScannedItem separator = consume(Context::Values);
        if (separator.token == Token::EndOfString)
            return requirements;
        if (separator.token != Token::Comma) {
            *error = found(separator.literal, "',' or 'end of string'"_L1);
            return std::nullopt;
        }
        const ScannedItem after = lookahead(Context::Values);
        if (after.token != Token::Identifier && after.token != Token::DoesNotExist) {
            *error = found(after.literal, "identifier after ','"_L1);
            return std::nullopt;
        }
    }
}

std::optional<LabelSelector::Requirement> Parser::parseRequirement()
{
    using Op = LabelSelector::Op;
    ScannedItem item = consume(Context::Values);
    const bool negated = item.token == Token::DoesNotExist;
    if (negated)
        item = consume(Context::Values);
    if (item.token != Token::Identifier) {
        m_error = found(item.literal, "identifier"_L1);
        return std::nullopt;
    }
    const QString key = item.literal;
    if (const QStringList errors = qualifiedNameErrors(key); !errors.isEmpty()) {
        // Upstream validates the key against a nil field path, which prints as "<nil>".
        m_error = invalidValue(u"<nil>"_s, goQuote(key), errors.join(u"; "_s)).toString();
        return std::nullopt;
    }
    // Upstream returns "!key" here whatever follows, so "!a=b" fails later at the '='.
    const Token next = lookahead(Context::Values).token;
    if (negated || next == Token::EndOfString || next == Token::Comma)
        return newRequirement(key, negated ? Op::DoesNotExist : Op::Exists, {});

    static const QHash<Token, Op> binaryOperators = {
        {Token::In, Op::In},
        {Token::NotIn, Op::NotIn},
        {Token::Equals, Op::Equals},
        {Token::DoubleEquals, Op::Equals},
        {Token::NotEquals, Op::NotEquals},
        {Token::GreaterThan, Op::GreaterThan},
        {Token::LessThan, Op::LessThan},
    };
    const ScannedItem operatorItem = consume(Context::KeyAndOperator);
    if (!binaryOperators.contains(operatorItem.token)) {
        m_error = found(operatorItem.literal, "in, notin, =, ==, !=, gt, lt"_L1);
        return std::nullopt;
    }
    const Op op = binaryOperators.value(operatorItem.token);
    const std::optional<QStringList> values = (op == Op::In || op == Op::NotIn) ? parseValues() : parseExactValue();
    if (!values)
        return std::nullopt;
    return newRequirement(key, op, *values);
}

std::optional<QStringList> Parser::parseValues()
{
    const ScannedItem open = consume(Context::Values);
    if (open.token != Token::OpenPar) {
        m_error = u"found '"_s + open.literal + u"' expected: '('"_s;
        return std::nullopt;
    }
    const ScannedItem first = lookahead(Context::Values);
    if (first.token == Token::ClosedPar) {
        consume(Context::Values);
        return QStringList {QString()};
    }
    if (first.token != Token::Identifier && first.token != Token::Comma) {
        m_error = found(first.literal, "',', ')' or identifier"_L1);
        return std::nullopt;
    }
    const std::optional<QStringList> values = parseIdentifiersList();
    if (!values)
        return std::nullopt;
    if (consume(Context::Values).token != Token::ClosedPar) {
        m_error = found(first.literal, "')'"_L1);
        return std::nullopt;
    }
    return values;
}

std::optional<QStringList> Parser::parseIdentifiersList()
{
    // Empty entries ("(,a)", "(a,,b)", "(a,)") stand for the empty value.
    QStringList values;
    for (;;) {
        const ScannedItem item = consume(Context::Values);
        if (item.token == Token::Identifier) {
            values.append(item.literal);
            const ScannedItem next = lookahead(Context::Values);
            if (next.token == Token::ClosedPar)
                return values;
            if (next.token != Token::Comma) {
                m_error = found(next.literal, "',' or ')'"_L1);
                return std::nullopt;
            }
        } else if (item.token == Token::Comma) {
            if (values.isEmpty())
                values.append(QString());
            const Token next = lookahead(Context::Values).token;
            if (next == Token::ClosedPar || next == Token::Comma)
                values.append(QString());
            if (next == Token::ClosedPar)
                return values;
        } else {
            m_error = found(item.literal, "',', or identifier"_L1);
            return std::nullopt;
        }
    }
}

std::optional<QStringList> Parser::parseExactValue()
{
    const Token next = lookahead(Context::Values).token;
    if (next == Token::EndOfString || next == Token::Comma)
        return QStringList {QString()};
    const ScannedItem item = consume(Context::Values);
    if (item.token == Token::Identifier)
        return QStringList {item.literal};
    m_error = found(item.literal, "identifier"_L1);
    return std::nullopt;
}

std::optional<LabelSelector::Requirement> Parser::newRequirement(const QString &key, LabelSelector::Op op,
                                                                 QStringList values)
{
    // Upstream collects the values in a set: sorted, without repeats.
    values.sort();
    values.removeDuplicates();
    QList<FieldError> errors;
    const bool integerComparison = op == LabelSelector::Op::GreaterThan || op == LabelSelector::Op::LessThan;
    for (qsizetype i = 0; integerComparison && i < values.size(); ++i) {
        bool isInteger = false;
        values[i].toLongLong(&isInteger);
        if (!isInteger)
            errors.append(invalidValue(u"values["_s + QString::number(i) + u']', goQuote(values[i]),
                                       u"for 'Gt', 'Lt' operators, the value must be an integer"_s));
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (const QStringList messages = labelValueErrors(values[i]); !messages.isEmpty())
            errors.append(invalidValue(u"values["_s + QString::number(i) + u"]["_s + key + u']', goQuote(values[i]),
                                       messages.join(u"; "_s)));
    }
    if (!errors.isEmpty()) {
        m_error = aggregateFieldErrors(errors);
        return std::nullopt;
    }
    return LabelSelector::Requirement {key, op, values};
}

} // namespace

std::optional<LabelSelector> LabelSelector::parse(const QString &text, QString *error)
{
    std::optional<QList<Requirement>> requirements = Parser(text).parse(error);
    if (!requirements)
        return std::nullopt;
    std::ranges::stable_sort(*requirements, {}, &Requirement::key);
    LabelSelector selector;
    selector.m_requirements = std::move(*requirements);
    return selector;
}

bool LabelSelector::matches(const QJsonObject &labels) const
{
    return std::ranges::all_of(m_requirements, [&labels](const Requirement &r) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Op::Equals:
        case Op::In:
            return has && r.values.contains(value);
        case Op::NotEquals:
        case Op::NotIn:
            return !has || !r.values.contains(value);
        case Op::Exists:
            return has;
        case Op::DoesNotExist:
            return !has;
        case Op::GreaterThan:
        case Op::LessThan: {
            bool isInteger = false;
            const qint64 actual = value.toLongLong(&isInteger);
            const qint64 bound = r.values.constFirst().toLongLong();
            return has && isInteger && (r.op == Op::GreaterThan ? actual > bound : actual < bound);
        }
        }
        Q_UNREACHABLE();
        return false;
    });
}

namespace {

// Field selector values escape '\', ',' and '=' with a backslash (fields.EscapeValue).
std::optional<QString> unescapeFieldValue(const QString &value, QString *error)
{
    QString out;
    bool inSlash = false;
    for (const QChar c : value) {
        if (inSlash) {
            if (c != u'\\' && c != u',' && c != u'=') {
                *error = u"invalid field selector: invalid escape sequence: \\"_s + c;
                return std::nullopt;
            }
            out += c;
            inSlash = false;
        } else if (c == u'\\') {
            inSlash = true;
        } else if (c == u',' || c == u'=') {
            // Upstream formats the rune with %v, which prints its code point.
            *error = u"invalid field selector: unescaped character in value: "_s + QString::number(c.unicode());
            return std::nullopt;
        } else {
            out += c;
        }
    }
    if (inSlash) {
        *error = u"invalid field selector: invalid escape sequence: \\"_s;
        return std::nullopt;
    }
    return out;
}

qsizetype operatorLengthAt(QStringView rest)
{
    if (rest.startsWith(u"!=") || rest.startsWith(u"=="))
        return 2;
    return rest.startsWith(u'=') ? 1 : 0;
}

} // namespace

std::optional<FieldSelector> FieldSelector::parse(const QString &text, QString *error)
{
    // Split at commas not escaped by a backslash; the backslashes stay for unescapeFieldValue.
    QStringList terms;
    if (!text.isEmpty()) {
        qsizetype start = 0;
        bool inSlash = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (inSlash)
                inSlash = false;
            else if (text[i] == u'\\')
                inSlash = true;
            else if (text[i] == u',') {
                terms.append(text.mid(start, i - start));
                start = i + 1;
            }
        }
        terms.append(text.mid(start));
    }
    terms.sort();

    FieldSelector selector;
    for (const QString &term : std::as_const(terms)) {
        if (term.isEmpty())
            continue;
        // The first operator found splits the term; "!=" and "==" win over "=" at the same position.
        qsizetype at = 0;
        qsizetype operatorLength = 0;
        while (at < term.size() && (operatorLength = operatorLengthAt(QStringView(term).mid(at))) == 0)
            ++at;
        if (operatorLength == 0) {
            *error = u"invalid selector: '"_s + text + u"'; can't understand '"_s + term + u'\'';
            return std::nullopt;
        }
        const std::optional<QString> value = unescapeFieldValue(term.mid(at + operatorLength), error);
        if (!value)
            return std::nullopt;
        selector.m_requirements.append({term.left(at), term[at] == u'!', *value});
    }
    return selector;
}

bool FieldSelector::matches(const std::function<QString(const QString &field)> &fieldValue) const
{
    return std::ranges::all_of(
        m_requirements, [&fieldValue](const Requirement &r) { return (fieldValue(r.field) == r.value) != r.negated; });
}

QStringList FieldSelector::fields() const
{
    QStringList out;
    for (const Requirement &r : m_requirements)
        out.append(r.field);
    return out;
}

} // namespace kubesim
