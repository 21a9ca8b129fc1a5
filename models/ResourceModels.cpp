#include "ResourceModels.h"

#include "PlainToolTip.h"

#include <QCoreApplication>
#include <QFont>
#include <QJsonArray>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

constexpr int kListBatchMs = 150;

constexpr auto kHelmReleaseType = "helm.sh/release.v1"_L1;

// "3h12m", or "3h" when the minor part is 0.
QString units(qint64 major, char16_t majorUnit, qint64 minor = 0, char16_t minorUnit = u's')
{
    QString text = QString::number(major) + majorUnit;
    if (minor != 0)
        text += QString::number(minor) + minorUnit;
    return text;
}

} // namespace

// Mirrors duration.HumanDuration in k8s.io/apimachinery, branch for branch, so that ages read as in kubectl.
QString humanDuration(std::chrono::seconds age)
{
    const qint64 seconds = age.count();
    if (seconds < -1)
        return u"<invalid>"_s;
    if (seconds < 0)
        return u"0s"_s;
    if (seconds < 60 * 2)
        return units(seconds, u's');
    const qint64 minutes = seconds / 60;
    if (minutes < 10)
        return units(minutes, u'm', seconds % 60, u's');
    if (minutes < 60 * 3)
        return units(minutes, u'm');
    const qint64 hours = seconds / 3600;
    if (hours < 8)
        return units(hours, u'h', minutes % 60, u'm');
    if (hours < 48)
        return units(hours, u'h');
    if (hours < 24 * 8)
        return units(hours / 24, u'd', hours % 24, u'h');
    if (hours < 24 * 365 * 2)
        return units(hours / 24, u'd');
    if (hours < 24 * 365 * 8)
        return units(hours / 24 / 365, u'y', (hours / 24) % 365, u'd');
    return units(hours / 24 / 365, u'y');
}

InformerTableModel::InformerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(0);
    connect(&m_flush, &QTimer::timeout, this, &InformerTableModel::flushPending);
}

void InformerTableModel::setInformer(Informer *informer)
{
    beginResetModel();
    if (m_informer)
        m_informer->disconnect(this);
    m_flush.stop();
    m_pending.clear();
    m_doomed.clear();
    m_rowOfUid.clear();
    m_interned.clear();
    clearRows();
    m_informer = informer;
    if (informer) {
        connect(informer, &Informer::added, this, &InformerTableModel::onAdded);
        connect(informer, &Informer::modified, this, &InformerTableModel::onModified);
        connect(informer, &Informer::deleted, this, &InformerTableModel::onDeleted);
        // Rows are in place before anyone acting on synced() looks for them.
        connect(informer, &Informer::synced, this, &InformerTableModel::flushPending);
        connect(informer, &QObject::destroyed, this, [this] { setInformer(nullptr); });
        appendRows(informer->items().values());
        for (int row = 0; row < storedRows(); ++row)
            m_rowOfUid.insert(uidAt(row), row);
    }
    endResetModel();
}

int InformerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : storedRows();
}

QModelIndex InformerTableModel::indexOfUid(const QString &uid, int column) const
{
    int row = m_rowOfUid.value(uid, -1);
    // Between the removals of one flush, rows above a gap have moved down; the index catches up at its end.
    if (row >= storedRows() || (row >= 0 && uidAt(row) != uid)) {
        row = -1;
        for (int candidate = 0; candidate < storedRows() && row < 0; ++candidate) {
            if (uidAt(candidate) == uid)
                row = candidate;
        }
    }
    return row < 0 ? QModelIndex() : index(row, column);
}

// "k=v k2=v2", made when the text filter asks rather than kept for every row: most rows are never filtered by
// label, and 60,000 kept strings cost megabytes.
QString InformerTableModel::labelsText(const QJsonObject &item)
{
    QString text;
    const QJsonObject labels = Informer::metadataOf(item).value("labels"_L1).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!text.isEmpty())
            text += u' ';
        text += it.key() + u'=' + it.value().toString();
    }
    return text;
}

void InformerTableModel::parseBase(RowBase &row, const QJsonObject &item)
{
    row.item = item;
    const QJsonObject metadata = Informer::metadataOf(item);
    row.uid = metadata.value("uid"_L1).toString();
    // Share the informer's key string rather than keep a second copy of every uid.
    if (m_informer) {
        const auto known = m_informer->items().constFind(row.uid);
        if (known != m_informer->items().cend())
            row.uid = known.key();
    }
    row.name = metadata.value("name"_L1).toString();
    row.ns = intern(metadata.value("namespace"_L1).toString());

    row.created = QDateTime::fromString(metadata.value("creationTimestamp"_L1).toString(), Qt::ISODateWithMs);
}

QString InformerTableModel::intern(const QString &text)
{
    return text.isEmpty() ? text : *m_interned.insert(text);
}

QVariant InformerTableModel::ageData(const RowBase &row, int role)
{
    if (role == SortRole)
        return row.created;
    if (role != Qt::DisplayRole)
        return {};
    if (!row.created.isValid())
        return u"<unknown>"_s;
    return humanDuration(std::chrono::seconds(row.created.secsTo(QDateTime::currentDateTimeUtc())));
}

void InformerTableModel::onAdded(const QJsonObject &item)
{
    m_pending.append(item);
    // While a list is still arriving page by page, pages are gathered for a moment: fewer, larger inserts cost a
    // sorted view far less than one per page, and each stays short enough not to stall the GUI.
    if (!m_flush.isActive())
        m_flush.start(m_informer && !m_informer->hasSynced() ? kListBatchMs : 0);
}

// Only an item added in this same turn (or list batch) is still pending, so a lookup there is rare and its list short.
qsizetype InformerTableModel::pendingIndexOf(const QString &uid) const
{
    for (qsizetype i = m_pending.size() - 1; i >= 0; --i) {
        if (Informer::uidOf(m_pending.at(i)) == uid)
            return i;
    }
    return -1;
}

void InformerTableModel::onModified(const QJsonObject &item)
{
    const QString uid = Informer::uidOf(item);
    const int row = m_rowOfUid.value(uid, -1);
    if (row < 0) {
        if (const qsizetype pending = pendingIndexOf(uid); pending >= 0)
            m_pending[pending] = item;
        return;
    }
    const Change change = replaceRow(row, item);
    if (!change.roles.isEmpty())
        Q_EMIT dataChanged(index(row, change.firstColumn), index(row, change.lastColumn), change.roles);
}

void InformerTableModel::onDeleted(const QJsonObject &item)
{
    const QString uid = Informer::uidOf(item);
    const auto row = m_rowOfUid.constFind(uid);
    if (row == m_rowOfUid.cend()) {
        if (const qsizetype pending = pendingIndexOf(uid); pending >= 0)
            m_pending[pending] = QJsonObject();
        return;
    }
    m_doomed.append(*row);
    m_rowOfUid.erase(row);
    if (!m_flush.isActive())
        m_flush.start();
}

// Removal closes the gap and re-indexes the rows above it once per flush, rather than moving the last row into
// the hole: a QSortFilterProxyModel treats every source move as a layout change and sorts all its rows again,
// while its cost for a removal is one pass, the same order as the memmove that closes the gap here.
void InformerTableModel::flushPending()
{
    m_flush.stop();
    if (!m_doomed.isEmpty()) {
        // From the bottom up, so that the runs still to go keep their row numbers.
        std::sort(m_doomed.begin(), m_doomed.end(), std::greater<>());
        for (qsizetype i = 0; i < m_doomed.size();) {
            const int last = m_doomed.at(i);
            int first = last;
            while (++i < m_doomed.size() && m_doomed.at(i) == first - 1)
                --first;
            beginRemoveRows({}, first, last);
            eraseRows(first, last);
            endRemoveRows();
        }
        for (int row = m_doomed.constLast(); row < storedRows(); ++row)
            m_rowOfUid[uidAt(row)] = row;
        m_doomed.clear();
    }
    QList<QJsonObject> items = std::exchange(m_pending, {});
    items.removeIf([](const QJsonObject &item) { return item.isEmpty(); });
    if (items.isEmpty())
        return;
    const int first = storedRows();
    beginInsertRows({}, first, first + int(items.size()) - 1);
    appendRows(items);
    for (int row = first; row < storedRows(); ++row)
        m_rowOfUid.insert(uidAt(row), row);
    endInsertRows();
}

template<typename Row>
QVariant InformerTable<Row>::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return cell(m_rows.at(index.row()), index.column(), role);
}

template<typename Row>
QVariant InformerTable<Row>::cell(const Row &row, int column, int role) const
{
    switch (role) {
    case UidRole:
        return row.uid;
    case NameRole:
        return row.name;
    case NamespaceRole:
        return row.ns;
    case LabelsRole:
        return labelsText(row.item);
    default:
        return value(row, column, role);
    }
}

template<typename Row>
void InformerTable<Row>::appendRows(const QList<QJsonObject> &items)
{
    // Only the first fill reserves: later batches are small, and an exact reserve each time would copy all rows.
    if (m_rows.isEmpty())
        m_rows.reserve(items.size());
    for (const QJsonObject &item : items)
        m_rows.append(parse(item));
}

template<typename Row>
InformerTableModel::Change InformerTable<Row>::replaceRow(int row, const QJsonObject &item)
{
    Row fresh = parse(item);
    const Row &old = m_rows.at(row);
    Change change;
    const auto note = [&change](int first, int last, int role) {
        change.firstColumn = change.firstColumn < 0 ? first : std::min(change.firstColumn, first);
        change.lastColumn = std::max(change.lastColumn, last);
        if (!change.roles.contains(role))
            change.roles.append(role);
    };
    const int columns = columnCount();
    for (int column = 0; column < columns; ++column) {
        for (const int role : {int(Qt::DisplayRole), int(SortRole), int(Qt::ToolTipRole)}) {
            if (cell(old, column, role) != cell(fresh, column, role))
                note(column, column, role);
        }
    }
    // The other roles belong to the whole row.
    for (int role = UidRole; role < RoleEnd; ++role) {
        if (role != SortRole && cell(old, 0, role) != cell(fresh, 0, role))
            note(0, columns - 1, role);
    }
    m_rows[row] = std::move(fresh);
    return change;
}

int InformerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(columnTitles().size());
}

QVariant InformerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const auto titles = columnTitles();
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= int(titles.size()))
        return QAbstractTableModel::headerData(section, orientation, role);
    return QCoreApplication::translate(metaObject()->className(), titles[size_t(section)]);
}

template class InformerTable<NamespaceRow>;
template class InformerTable<ServiceAccountRow>;
template class InformerTable<SecretRow>;
template class InformerTable<TokenRow>;

NamespaceRow NamespaceModel::parse(const QJsonObject &item)
{
    NamespaceRow row;
    parseBase(row, item);
    row.phase = intern(item[u"status"][u"phase"].toString());
    return row;
}

QVariant NamespaceModel::value(const NamespaceRow &row, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case NameColumn:
        return row.name;
    case StatusColumn:
        return row.phase;
    case AgeColumn:
        return ageData(row, role);
    }
    return {};
}

std::optional<ServiceAccount> ServiceAccountModel::accountAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return ServiceAccount::fromJson(itemAt(row));
}

ServiceAccountRow ServiceAccountModel::parse(const QJsonObject &item)
{
    ServiceAccountRow row;
    parseBase(row, item);
    row.secrets = int(item.value("secrets"_L1).toArray().size());
    QStringList pullSecrets;
    for (const QJsonValue &reference : item.value("imagePullSecrets"_L1).toArray())
        pullSecrets.append(reference[u"name"].toString());
    row.pullSecrets = pullSecrets.join(", "_L1);
    if (const QJsonValue automount = item.value("automountServiceAccountToken"_L1); automount.isBool())
        row.automount = automount.toBool();
    row.cloud = identity::briefOf(Informer::metadataOf(item));
    return row;
}

ServiceAccountModel::ServiceAccountModel(QObject *parent)
    : InformerTable(parent)
{
    m_riskTimer.setSingleShot(true);
    m_riskTimer.setInterval(150);
    // The risk column only (every column answers RiskRole, so the filter sees the change too): the view repaints
    // one column and a proxy sorted by another column does not sort again.
    m_riskTimer.callOnTimeout(this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, RiskColumn), index(rowCount() - 1, RiskColumn),
                               {Qt::DisplayRole, SortRole, RiskRole});
    });
}

void ServiceAccountModel::setPermissions(Permissions *permissions)
{
    if (m_permissions)
        m_permissions->disconnect(this);
    m_permissions = permissions;
    if (permissions)
        connect(permissions, &Permissions::changed, this, [this] { m_riskTimer.start(); });
    m_riskTimer.start();
}

QVariant ServiceAccountModel::value(const ServiceAccountRow &row, int column, int role) const
{
    if (role == RiskRole || (column == RiskColumn && (role == Qt::DisplayRole || role == SortRole))) {
        if (!m_permissions)
            return role == Qt::DisplayRole ? QVariant(QString()) : QVariant(0);
        // Bindings that cannot be read make no risk known: the cell says so rather than look harmless.
        if (role == Qt::DisplayRole && !m_permissions->refusedSources().isEmpty())
            return tr("cannot check");
        const rbac::Severity severity = m_permissions->severityOf(row.ns, row.name);
        return role == Qt::DisplayRole ? QVariant(rbac::severityName(severity)) : QVariant(int(severity));
    }
    const bool isDefault = row.name == "default"_L1;
    if (role == IsDefaultRole)
        return isDefault;
    if (role == Qt::ToolTipRole && column == NameColumn && isDefault)
        return tr("The namespace's default account: pods that name no service account run as it.");
    if (column == IdentityColumn && role == Qt::ToolTipRole && row.cloud.providers != 0) {
        // Made when asked: a row keeps only which clouds, not the principals' text.
        QStringList lines;
        for (const identity::CloudIdentity &each : identity::identitiesOf(row.item)) {
            lines.append(each.summary());
            for (const QString &problem : each.problems)
                lines.append(u"⚠ "_s + problem);
        }
        return plainToolTip(lines.join(u'\n'));
    }
    if (role == Qt::FontRole && column == NameColumn && isDefault) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case NameColumn:
        // Marked in the text itself, so that it shows (and a screen reader says it) without hovering.
        return isDefault && role == Qt::DisplayRole ? tr("%1 (namespace default)").arg(row.name) : row.name;
    case NamespaceColumn:
        return row.ns;
    case SecretsColumn:
        return role == SortRole ? QVariant(row.secrets) : QVariant(QString::number(row.secrets));
    case PullSecretsColumn:
        return row.pullSecrets;
    case AutomountColumn:
        //: The automount setting: the namespace's default, or set on or off on the account.
        return !row.automount ? tr("default") : *row.automount ? tr("on") : tr("off");
    case IdentityColumn: {
        // "AWS", "GCP", "Azure" (joined when an account names several), "⚠" after a malformed value.
        QString text;
        for (const identity::Provider provider :
             {identity::Provider::Aws, identity::Provider::Google, identity::Provider::Azure}) {
            if (row.cloud.has(provider))
                text += (text.isEmpty() ? QString() : u", "_s) + identity::shortName(provider);
        }
        if (row.cloud.malformed)
            text += u" ⚠"_s;
        return text;
    }
    case AgeColumn:
        return ageData(row, role);
    }
    return {};
}

std::optional<SecretMeta> SecretModel::secretAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return SecretMeta::fromTableItem(itemAt(row));
}

QString SecretModel::typeLabel(const QString &type)
{
    struct Label
    {
        QLatin1String type;
        const char *label;
    };
    static constexpr Label labels[] = {
        {"kubernetes.io/dockerconfigjson"_L1, QT_TR_NOOP("Registry credentials")},
        {"kubernetes.io/dockercfg"_L1, QT_TR_NOOP("Registry credentials")},
        {"kubernetes.io/service-account-token"_L1, QT_TR_NOOP("Service account token")},
        {kHelmReleaseType, QT_TR_NOOP("Helm release")},
        {"Opaque"_L1, QT_TR_NOOP("Opaque")},
        {"kubernetes.io/tls"_L1, QT_TR_NOOP("TLS")},
        {"kubernetes.io/basic-auth"_L1, QT_TR_NOOP("Basic auth")},
        {"kubernetes.io/ssh-auth"_L1, QT_TR_NOOP("SSH key")},
        {"bootstrap.kubernetes.io/token"_L1, QT_TR_NOOP("Bootstrap token")},
    };
    for (const Label &label : labels) {
        if (type == label.type)
            return tr(label.label);
    }
    return type;
}

// Reads the Table row's metadata and its Type and Data cells only: with includeObject=Metadata there is no
// value to read, and this model would not read one if there were.
SecretRow SecretModel::parse(const QJsonObject &item)
{
    SecretRow row;
    parseBase(row, item);
    row.type = intern(item.value("Type"_L1).toString());
    row.keys = item.value("Data"_L1).toInt();
    return row;
}

QVariant SecretModel::value(const SecretRow &row, int column, int role) const
{
    if (role == SecretTypeRole)
        return row.type;
    if (role == Qt::ToolTipRole && column == TypeColumn)
        return plainToolTip(row.type);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case NameColumn:
        return row.name;
    case NamespaceColumn:
        return row.ns;
    case TypeColumn:
        return typeLabel(row.type);
    case KeysColumn:
        return role == SortRole ? QVariant(row.keys) : QVariant(QString::number(row.keys));
    case AgeColumn:
        return ageData(row, role);
    }
    return {};
}

ResourceFilterProxy::ResourceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ResourceFilterProxy::setNamespaceFilter(const QString &ns)
{
    if (ns == m_namespace)
        return;
    m_namespace = ns;
    invalidateRowsFilter();
}

void ResourceFilterProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void ResourceFilterProxy::setSecretTypes(const QStringList &types)
{
    if (types == m_types)
        return;
    m_types = types;
    invalidateRowsFilter();
}

void ResourceFilterProxy::setHideHelmReleases(bool hide)
{
    if (hide == m_hideHelm)
        return;
    m_hideHelm = hide;
    invalidateRowsFilter();
}

void ResourceFilterProxy::setMinimumRisk(int severity)
{
    if (severity == m_minimumRisk)
        return;
    m_minimumRisk = severity;
    // The risks change with every RBAC event: filter again when they do.
    setDynamicSortFilter(true);
    invalidateFilter();
}

bool ResourceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_namespace.isEmpty() && index.data(NamespaceRole).toString() != m_namespace)
        return false;
    if (m_minimumRisk > 0 && index.data(RiskRole).toInt() < m_minimumRisk)
        return false;
    if (m_hideHelm || !m_types.isEmpty()) {
        const QString type = index.data(SecretTypeRole).toString();
        if ((m_hideHelm && type == kHelmReleaseType) || (!m_types.isEmpty() && !m_types.contains(type)))
            return false;
    }
    return m_text.isEmpty() || index.data(NameRole).toString().contains(m_text, Qt::CaseInsensitive)
        || index.data(LabelsRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace sa
