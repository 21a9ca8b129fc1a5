#include "Manifests.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace kubesim {

namespace {

// As is: QString::fromStdString would drop a leading byte order mark, which a value may hold.
QString utf8Text(const std::string &utf8)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

QJsonValue scalarValue(const std::string &tag, const std::string &utf8)
{
    const QString text = utf8Text(utf8);
    if (tag == "!" || tag == "tag:yaml.org,2002:str")
        return text; // quoted or explicitly a string
    if (text.isEmpty() || text == "~"_L1 || text == "null"_L1 || text == "Null"_L1 || text == "NULL"_L1)
        return QJsonValue::Null;
    if (text == "true"_L1 || text == "True"_L1 || text == "TRUE"_L1)
        return true;
    if (text == "false"_L1 || text == "False"_L1 || text == "FALSE"_L1)
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression real(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (real.match(text).hasMatch())
        return text.toDouble();
    return text;
}

// Thrown when a document expands past its budget: aliases let a few hundred bytes stand for billions of nodes.
struct ExcessiveAliasing
{
};

// As go-yaml v3 (and so sigs.k8s.io/yaml and kubectl): refuse a document whose aliases expand too far. The
// budget counts nodes as converted, aliased ones as often as they are used; a document without aliases has
// fewer nodes than bytes, so it never runs out.
constexpr qsizetype kMinNodeBudget = 10000;
const QString kExcessiveAliasing = u"yaml: document contains excessive aliasing"_s;
constexpr int kMaxDepth = 100;

// Builds JSON straight from the parser's events, one document at a time, with one budget for the whole input.
// Driving YAML::Parser ourselves, rather than YAML::LoadAll, lets the caller see a parser that no longer moves:
// yaml-cpp 0.7 leaves a token its document parser cannot use (a "," outside a flow collection) in place, and
// LoadAll then reads empty documents at it for ever, a hang that eats all memory.
class JsonBuilder final : public YAML::EventHandler
{
public:
    explicit JsonBuilder(qsizetype inputSize)
        : m_budget(kMinNodeBudget + 2 * inputSize)
    { }

    // The document last handled, and where it was only a null: the place of that null.
    [[nodiscard]] QJsonValue document() const { return m_document; }
    [[nodiscard]] std::optional<YAML::Mark> bareNullAt() const { return m_bareNullAt; }

    void OnDocumentStart(const YAML::Mark &) override
    {
        m_document = QJsonValue::Null;
        m_events = 0;
        m_bareNullAt.reset();
        m_frames.clear();
        m_anchors.clear();
    }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (m_events == 0 && anchor == YAML::NullAnchor)
            m_bareNullAt = mark;
        add(mark, {QJsonValue::Null, u"null"_s, 1}, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto found = m_anchors.find(anchor);
        if (found == m_anchors.end())
            throw YAML::ParserException(mark, "unknown anchor");
        add(mark, found->second, YAML::NullAnchor);
    }
    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        add(mark, {scalarValue(tag, value), utf8Text(value), 1}, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, false, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, true, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    // A converted node: its value, its text when it is a scalar (a key is its text, untyped), and how many nodes
    // it counts for when an alias repeats it.
    struct Node
    {
        QJsonValue value;
        QString text;
        qsizetype nodes = 1;
    };
    struct Frame
    {
        YAML::Mark mark;
        bool isMap = false;
        YAML::anchor_t anchor = YAML::NullAnchor;
        QJsonArray array;
        QJsonObject object;
        std::optional<QString> key; // a map's key waiting for its value
        qsizetype nodes = 1;
    };

    void spend(qsizetype nodes)
    {
        m_budget -= nodes;
        if (m_budget < 0)
            throw ExcessiveAliasing();
    }

    void open(const YAML::Mark &mark, bool isMap, YAML::anchor_t anchor)
    {
        ++m_events;
        if (m_frames.size() >= kMaxDepth)
            throw YAML::ParserException(mark, "document nested too deeply");
        spend(1);
        Frame frame;
        frame.mark = mark;
        frame.isMap = isMap;
        frame.anchor = anchor;
        m_frames.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_frames.back());
        m_frames.pop_back();
        Node node;
        node.nodes = frame.nodes;
        if (frame.isMap)
            node.value = std::move(frame.object);
        else
            node.value = std::move(frame.array);
        // The frame was counted when it opened.
        place(frame.mark, node, frame.anchor);
    }

    void add(const YAML::Mark &mark, const Node &node, YAML::anchor_t anchor)
    {
        ++m_events;
        spend(node.nodes);
        place(mark, node, anchor);
    }

    void place(const YAML::Mark &mark, const Node &node, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor)
            m_anchors[anchor] = node;
        if (m_frames.empty()) {
            m_document = node.value;
            return;
        }
        Frame &parent = m_frames.back();
        parent.nodes += node.nodes;
        if (!parent.isMap) {
            parent.array.append(node.value);
        } else if (!parent.key) {
            if (node.value.isArray() || node.value.isObject())
                throw YAML::ParserException(mark, "invalid map key");
            parent.key = node.text;
        } else {
            parent.object.insert(*parent.key, node.value);
            parent.key.reset();
        }
    }

    qsizetype m_budget;
    QJsonValue m_document;
    int m_events = 0;
    std::optional<YAML::Mark> m_bareNullAt;
    std::vector<Frame> m_frames;
    std::unordered_map<YAML::anchor_t, Node> m_anchors;
};

void appendObject(ManifestResult &result, const QJsonValue &value)
{
    if (value.isNull())
        return;
    if (!value.isObject()) {
        result.error = u"a manifest document must be an object"_s;
        return;
    }
    const QJsonObject object = value.toObject();
    if (object.value("kind"_L1).toString().endsWith("List"_L1) && object.value("items"_L1).isArray()) {
        for (const QJsonValue &item : object.value("items"_L1).toArray())
            appendObject(result, item);
        return;
    }
    result.objects.append(object);
}

} // namespace

QJsonValue yamlToJson(const QByteArray &yaml, QString *error)
{
    try {
        // The first document, as YAML::Load reads it.
        std::istringstream stream(yaml.toStdString());
        YAML::Parser parser(stream);
        JsonBuilder builder(yaml.size());
        if (!parser.HandleNextDocument(builder))
            return QJsonValue::Null;
        return builder.document();
    } catch (const ExcessiveAliasing &) {
        if (error)
            *error = kExcessiveAliasing;
        return QJsonValue(QJsonValue::Undefined);
    } catch (const YAML::Exception &exception) {
        if (error)
            *error = QString::fromStdString(exception.what());
        return QJsonValue(QJsonValue::Undefined);
    }
}

ManifestResult parseManifests(const QByteArray &data)
{
    ManifestResult result;
    const QByteArray trimmed = data.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
        if (error.error != QJsonParseError::NoError) {
            result.error = u"invalid JSON at offset "_s + QString::number(error.offset) + u": "_s + error.errorString();
            return result;
        }
        if (doc.isArray()) {
            for (const QJsonValue &value : doc.array())
                appendObject(result, value);
        } else {
            appendObject(result, doc.object());
        }
        return result;
    }
    try {
        std::istringstream stream(data.toStdString());
        YAML::Parser parser(stream);
        JsonBuilder builder(data.size()); // one budget for the whole file
        std::optional<int> lastBareNull;
        while (parser.HandleNextDocument(builder)) {
            // Two empty documents at one place: the parser read nothing in the second, and would not in a third.
            if (const auto null = builder.bareNullAt()) {
                if (null->pos == lastBareNull)
                    throw YAML::ParserException(*null, "did not find expected node content");
                lastBareNull = null->pos;
            } else {
                lastBareNull.reset();
            }
            appendObject(result, builder.document());
            if (!result.ok())
                return result;
        }
    } catch (const ExcessiveAliasing &) {
        result.objects.clear();
        result.error = kExcessiveAliasing;
    } catch (const YAML::Exception &e) {
        result.objects.clear();
        result.error = u"yaml: line "_s + QString::number(e.mark.line + 1) + u": "_s + QString::fromStdString(e.msg);
    }
    return result;
}

} // namespace kubesim
