#pragma once

#include "api/ApiError.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sa {

// What is wrong with the lists of a session, one entry per cause: the failures that informers report (a resource's
// name and the ApiError of its list or watch) grouped so that one missing credential plugin, one lost connection or
// one refusal of several resources reads as one entry that names them. A resource that lists again clears its part;
// an entry goes when no resource has it any more. Informers retry on their own, so connection problems say so.
class ProblemGroups
{
    Q_DECLARE_TR_FUNCTIONS(sa::ProblemGroups)

public:
    enum class Severity { Warning, Error };

    struct Detail
    {
        QStringList resources;
        QString sentence; // the whole sentence, as the server or the transport said it
    };

    struct Entry
    {
        QString cause; // what groups the reports, e.g. "403" or "credential:MESSAGE"
        Severity severity = Severity::Error;
        QString summary; // one line
        QStringList resources;
        QList<Detail> details; // each distinct sentence once, with the resources that got it
    };

    // Records that `resource`'s list or watch failed with `error`; false when nothing changed. A canceled request is
    // not a problem (the client canceled it).
    bool report(const QString &resource, const ApiError &error);
    // `resource` works again (listed, or its watch is back): its part of every entry goes. False when it had none.
    bool clear(const QString &resource);
    void clearAll() { m_causes.clear(); }
    [[nodiscard]] bool isEmpty() const { return m_causes.isEmpty(); }

    // The entries, those that concern `first` (the resource the user is looking at) first, then errors before
    // warnings, then in the order they arose. A refusal quotes the server's sentence for `first` when it has one.
    [[nodiscard]] QList<Entry> entries(const QString &first = {}) const;

    // "a", "a and b", "a, b and c".
    [[nodiscard]] static QString joinNames(const QStringList &names);

private:
    struct Report
    {
        QString resource;
        QString sentence;
    };
    struct Cause
    {
        QString key;
        ApiError::Kind kind = ApiError::Kind::Http;
        int httpStatus = 0;
        QList<Report> reports; // one per resource, in the order they arose
        QString latest; // the resource whose report came last
        QString lost; // the sentence of a connection lost since this cause arose: the retries' errors follow from it
    };

    [[nodiscard]] static QString keyOf(const ApiError &error);
    // Drops `resource`'s reports from every cause but `exceptKey`'s, and causes left without any.
    bool removeResource(const QString &resource, const QString &exceptKey);
    [[nodiscard]] static Entry entryOf(const Cause &cause, const QString &first);

    QList<Cause> m_causes; // in the order they arose
};

} // namespace sa
