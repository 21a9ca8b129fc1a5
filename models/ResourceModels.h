#pragma once

#include "api/Informer.h"
#include "resources/Resources.h"
#include "resources/WorkloadIdentity.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QTimer>

#include <span>

#include <chrono>

#include "Permissions.h"

#include <QPointer>
#include <QTimer>

namespace sa {

// Roles shared by the resource models, answered on every column of a row. DisplayRole is text; SortRole gives
// raw values (QDateTime for ages, numbers for counts, strings for names).
enum ModelRole {
    UidRole = Qt::UserRole + 1,
    NameRole,
    NamespaceRole,
    SortRole,
    LabelsRole, // "k=v k2=v2", for the text filter
    SecretTypeRole, // SecretModel: the raw type string
    IsDefaultRole, // ServiceAccountModel: the namespace's "default" account
    RiskRole, // ServiceAccountModel: the highest rbac::Severity of what the account may do, as an int (0: none)
    RoleEnd, // one past the last
};

// An age as kubectl prints it (apimachinery's duration.HumanDuration): "45s", "5m30s", "3h12m", "696d", "3y".
[[nodiscard]] QString humanDuration(std::chrono::seconds age);

// What every row keeps, parsed once when the item arrives, so that data(), sorting and filtering never go back
// to the JSON. `item` shares the informer's copy (implicit sharing), so it costs no memory of its own.
struct RowBase
{
    QJsonObject item;
    QString uid;
    QString name;
    QString ns;
    QDateTime created;
};

struct NamespaceRow : RowBase
{
    QString phase;
};

struct ServiceAccountRow : RowBase
{
    int secrets = 0;
    QString pullSecrets; // names, joined
    std::optional<bool> automount;
    identity::Brief cloud; // two bytes; the tooltip's principals are read from `item` when asked
};

// Only what a metadata-only list carries: there is no field a value could reach.
struct SecretRow : RowBase
{
    QString type;
    int keys = 0;
};

// A kubernetes.io/service-account-token Secret in the token audit: what its metadata says. What the other lists say
// of it (its account, the pods that read it) is looked up when shown.
struct TokenRow : RowBase
{
    QString account; // the kubernetes.io/service-account.name annotation
    QDate lastUsed; // the kubernetes.io/legacy-token-last-used label; null without
    QDate invalidSince; // the kubernetes.io/legacy-token-invalid-since label; null without
};

} // namespace sa

// Rows move by memmove when a removal closes a gap.
Q_DECLARE_TYPEINFO(sa::NamespaceRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(sa::ServiceAccountRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(sa::SecretRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(sa::TokenRow, Q_RELOCATABLE_TYPE);

namespace sa {

// A table of one kind of object, fed by an Informer and updated incrementally. Adds and deletions arriving in
// the same event-loop turn are applied together on the next turn (or at once on synced()): the adds as one
// inserted block at the end, the deletions as one removal per contiguous run. Modifications become dataChanged
// over the columns and roles whose values changed. It resets only when given another informer.
class InformerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit InformerTableModel(QObject *parent = nullptr);

    // Follows `informer` (may be null); the model resets to its current items.
    void setInformer(Informer *informer);
    [[nodiscard]] Informer *informer() const { return m_informer; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;
    [[nodiscard]] QModelIndex indexOfUid(const QString &uid, int column = 0) const;
    // The informer's item behind a row (an object, or a Table row for metadata-only lists).
    [[nodiscard]] virtual const QJsonObject &itemAt(int row) const = 0;

protected:
    // One title per Column, untranslated (QT_TR_NOOP); translated in the subclass's context.
    [[nodiscard]] virtual std::span<const char *const> columnTitles() const = 0;
    // Which cells a modification changed, for one dataChanged.
    struct Change
    {
        int firstColumn = -1;
        int lastColumn = -1;
        QList<int> roles;
    };

    // The row storage, kept by InformerTable<Row>; the batching and the uid index here drive it.
    [[nodiscard]] virtual int storedRows() const = 0;
    [[nodiscard]] virtual const QString &uidAt(int row) const = 0;
    virtual void appendRows(const QList<QJsonObject> &items) = 0;
    virtual void eraseRows(int first, int last) = 0;
    [[nodiscard]] virtual Change replaceRow(int row, const QJsonObject &item) = 0;
    virtual void clearRows() = 0;

    // Fills the fields every row has from an item's metadata.
    void parseBase(RowBase &row, const QJsonObject &item);
    [[nodiscard]] static QString labelsText(const QJsonObject &item);
    // One shared copy of a string that many rows repeat (namespaces, secret types).
    [[nodiscard]] QString intern(const QString &text);
    // The Age column's value for DisplayRole (kubectl-like) and SortRole (the creation time).
    [[nodiscard]] static QVariant ageData(const RowBase &row, int role);

private:
    void onAdded(const QJsonObject &item);
    void onModified(const QJsonObject &item);
    void onDeleted(const QJsonObject &item);
    [[nodiscard]] qsizetype pendingIndexOf(const QString &uid) const;
    void flushPending();

    QPointer<Informer> m_informer;
    QHash<QString, int> m_rowOfUid; // for rows not waiting to be removed
    QList<QJsonObject> m_pending; // adds for the next flush; an empty object is one deleted before it
    QList<int> m_doomed; // rows to remove at the next flush
    QSet<QString> m_interned;
    QTimer m_flush;
};

// The storage of an InformerTableModel: one parsed Row (a RowBase) per item. Subclasses say how to parse an
// item and what a row shows; data() and the detection of changed cells are shared.
template<typename Row>
class InformerTable : public InformerTableModel
{
public:
    using InformerTableModel::InformerTableModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const final;
    [[nodiscard]] const QJsonObject &itemAt(int row) const final { return m_rows.at(row).item; }

protected:
    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] virtual Row parse(const QJsonObject &item) = 0;
    // A row's value for a column and a role other than the shared Uid/Name/Namespace/Labels roles.
    [[nodiscard]] virtual QVariant value(const Row &row, int column, int role) const = 0;

private:
    [[nodiscard]] QVariant cell(const Row &row, int column, int role) const;
    [[nodiscard]] int storedRows() const final { return int(m_rows.size()); }
    [[nodiscard]] const QString &uidAt(int row) const final { return m_rows.at(row).uid; }
    void appendRows(const QList<QJsonObject> &items) final;
    void eraseRows(int first, int last) final { m_rows.remove(first, last - first + 1); }
    [[nodiscard]] Change replaceRow(int row, const QJsonObject &item) final;
    void clearRows() final { m_rows.clear(); }

    QList<Row> m_rows;
};

// Defined in ResourceModels.cpp, for these rows only.
extern template class InformerTable<NamespaceRow>;
extern template class InformerTable<ServiceAccountRow>;
extern template class InformerTable<SecretRow>;
extern template class InformerTable<TokenRow>;

class NamespaceModel : public InformerTable<NamespaceRow>
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, AgeColumn, ColumnCount };
    using InformerTable::InformerTable;

protected:
    std::span<const char *const> columnTitles() const override
    {
        static constexpr const char *titles[] = {QT_TR_NOOP("Name"), QT_TR_NOOP("Status"), QT_TR_NOOP("Age")};
        static_assert(std::size(titles) == ColumnCount);
        return titles;
    }
    NamespaceRow parse(const QJsonObject &item) override;
    QVariant value(const NamespaceRow &row, int column, int role) const override;
};

class ServiceAccountModel : public InformerTable<ServiceAccountRow>
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        NamespaceColumn,
        RiskColumn,
        IdentityColumn,
        SecretsColumn,
        PullSecretsColumn,
        AutomountColumn,
        AgeColumn,
        ColumnCount
    };
    explicit ServiceAccountModel(QObject *parent = nullptr);
    [[nodiscard]] std::optional<ServiceAccount> accountAt(int row) const;
    // Fills the Risk column (empty without): the highest severity of what each account may do, worked out for the
    // rows a view shows. RBAC events are gathered for a moment, then the column is announced changed once.
    void setPermissions(Permissions *permissions);

protected:
    std::span<const char *const> columnTitles() const override
    {
        static constexpr const char *titles[] = {
            QT_TR_NOOP("Name"),    QT_TR_NOOP("Namespace"),    QT_TR_NOOP("Risk"),      QT_TR_NOOP("Cloud identity"),
            QT_TR_NOOP("Secrets"), QT_TR_NOOP("Pull secrets"), QT_TR_NOOP("Automount"), QT_TR_NOOP("Age")};
        static_assert(std::size(titles) == ColumnCount);
        return titles;
    }
    ServiceAccountRow parse(const QJsonObject &item) override;
    QVariant value(const ServiceAccountRow &row, int column, int role) const override;

private:
    QPointer<Permissions> m_permissions;
    QTimer m_riskTimer;
};

// Secrets from a metadata-only informer (Table rows with includeObject=Metadata): never a value.
class SecretModel : public InformerTable<SecretRow>
{
    Q_OBJECT
public:
    enum Column { NameColumn, NamespaceColumn, TypeColumn, KeysColumn, AgeColumn, ColumnCount };
    using InformerTable::InformerTable;
    [[nodiscard]] std::optional<SecretMeta> secretAt(int row) const;
    // "Registry credentials", "Service account token", "Helm release", "Opaque", "TLS", ... or the raw type.
    [[nodiscard]] static QString typeLabel(const QString &type);

protected:
    std::span<const char *const> columnTitles() const override
    {
        static constexpr const char *titles[] = {QT_TR_NOOP("Name"), QT_TR_NOOP("Namespace"), QT_TR_NOOP("Type"),
                                                 QT_TR_NOOP("Keys"), QT_TR_NOOP("Age")};
        static_assert(std::size(titles) == ColumnCount);
        return titles;
    }
    SecretRow parse(const QJsonObject &item) override;
    QVariant value(const SecretRow &row, int column, int role) const override;
};

// Filters for the list panes: a namespace (empty: all), text in the name or labels, secret types, hiding
// Helm release secrets. Sorts by SortRole, names case-insensitively.
class ResourceFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ResourceFilterProxy(QObject *parent = nullptr);
    void setNamespaceFilter(const QString &ns);
    void setTextFilter(const QString &text);
    void setSecretTypes(const QStringList &types); // empty: all
    void setHideHelmReleases(bool hide);
    // Only rows whose RiskRole is at least `severity` (as an int; 0: every row).
    void setMinimumRisk(int severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_namespace;
    QString m_text;
    QStringList m_types;
    bool m_hideHelm = false;
    int m_minimumRisk = 0;
};

} // namespace sa
