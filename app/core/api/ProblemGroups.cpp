#include "api/ProblemGroups.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

QString firstLine(const QString &text)
{
    return text.section(u'\n', 0, 0).trimmed();
}

bool isConnection(ApiError::Kind kind)
{
    return kind == ApiError::Kind::Network || kind == ApiError::Kind::Timeout || kind == ApiError::Kind::ConnectionLost;
}

} // namespace

QString ProblemGroups::joinNames(const QStringList &names)
{
    if (names.size() < 2)
        return names.value(0);
    //: A list of resources: "secrets, pods and role bindings".
    return tr("%1 and %2").arg(QStringList(names.cbegin(), std::prev(names.cend())).join(u", "_s), names.last());
}

QString ProblemGroups::keyOf(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Credential:
        return u"credential:"_s + error.message;
    case ApiError::Kind::Tls:
        return u"tls:"_s + error.message;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::ConnectionLost:
        // However it shows (refused, cut, timed out), the server cannot be reached: one cause.
        return u"connection"_s;
    case ApiError::Kind::Decode:
        return u"decode:"_s + error.message;
    case ApiError::Kind::Canceled:
        return {};
    case ApiError::Kind::Http:
        break;
    }
    // The same refusal for several resources differs only in the resource's name: grouped by status.
    if (error.httpStatus == 401 || error.httpStatus == 403 || error.httpStatus == 404)
        return QString::number(error.httpStatus);
    return u"http:"_s + QString::number(error.httpStatus) + u':' + error.userMessage();
}

bool ProblemGroups::removeResource(const QString &resource, const QString &exceptKey)
{
    bool changed = false;
    for (auto it = m_causes.begin(); it != m_causes.end();) {
        if (it->key != exceptKey)
            changed |=
                it->reports.removeIf([&resource](const Report &report) { return report.resource == resource; }) > 0;
        it = it->reports.isEmpty() ? m_causes.erase(it) : std::next(it);
    }
    return changed;
}

bool ProblemGroups::report(const QString &resource, const ApiError &error)
{
    const QString key = keyOf(error);
    if (key.isEmpty())
        return false;
    const QString sentence = error.userMessage();
    // A resource has one problem at a time: the newest.
    bool changed = removeResource(resource, key);
    auto cause = std::find_if(m_causes.begin(), m_causes.end(), [&key](const Cause &c) { return c.key == key; });
    if (cause == m_causes.end()) {
        m_causes.append(Cause {key, error.kind, error.httpStatus, {}, {}, {}});
        cause = std::prev(m_causes.end());
    }
    const auto report = std::find_if(cause->reports.begin(), cause->reports.end(),
                                     [&resource](const Report &r) { return r.resource == resource; });
    if (report == cause->reports.end()) {
        cause->reports.append({resource, sentence});
        changed = true;
    } else {
        changed |= report->sentence != sentence;
        report->sentence = sentence;
    }
    if (error.kind == ApiError::Kind::ConnectionLost && cause->lost.isEmpty()) {
        cause->lost = sentence;
        changed = true;
    }
    changed |= cause->latest != resource || cause->kind != error.kind;
    cause->latest = resource;
    cause->kind = error.kind;
    return changed;
}

bool ProblemGroups::clear(const QString &resource)
{
    return removeResource(resource, {});
}

ProblemGroups::Entry ProblemGroups::entryOf(const Cause &cause, const QString &first)
{
    Entry entry;
    entry.cause = cause.key;
    for (const Report &report : cause.reports)
        entry.resources.append(report.resource);
    // The resource the user is looking at leads, and its sentence is the one quoted.
    const qsizetype lead = entry.resources.indexOf(first);
    if (lead > 0)
        entry.resources.move(lead, 0);
    for (const Report &report : cause.reports) {
        const auto same = std::find_if(entry.details.begin(), entry.details.end(),
                                       [&report](const Detail &detail) { return detail.sentence == report.sentence; });
        if (same == entry.details.end())
            entry.details.append({{report.resource}, report.sentence});
        else
            same->resources.append(report.resource);
    }
    std::stable_partition(entry.details.begin(), entry.details.end(),
                          [&first](const Detail &detail) { return detail.resources.contains(first); });
    const QString quoted = firstLine(cause.reports.at(lead >= 0 ? lead : 0).sentence);
    const auto newest = std::find_if(cause.reports.cbegin(), cause.reports.cend(),
                                     [&cause](const Report &report) { return report.resource == cause.latest; });
    const QString latest = firstLine(newest != cause.reports.cend() ? newest->sentence : cause.reports.last().sentence);
    const QString names = joinNames(entry.resources);
    if (cause.kind == ApiError::Kind::Http && cause.httpStatus == 403) {
        entry.severity = Severity::Warning;
        entry.summary = tr("Not allowed to list %1: %2").arg(names, quoted);
    } else if (cause.kind == ApiError::Kind::Http && cause.httpStatus == 404) {
        entry.severity = Severity::Warning;
        entry.summary = tr("The cluster does not serve %1: %2").arg(names, quoted);
    } else if (!cause.lost.isEmpty()) {
        // Refused or timed out while reconnecting is still the lost connection, said once (details say the rest).
        entry.summary = followedBy(firstLine(cause.lost), tr("Reconnecting…"));
    } else if (isConnection(cause.kind)) {
        entry.summary = followedBy(latest, tr("Retrying…"));
    } else if (cause.kind == ApiError::Kind::Credential || cause.kind == ApiError::Kind::Tls
               || (cause.kind == ApiError::Kind::Http && cause.httpStatus == 401)) {
        // Every request of the context fails alike: the resources are in the details, not in the sentence.
        entry.summary = latest;
    } else {
        entry.summary = tr("Cannot list %1: %2").arg(names, quoted);
    }
    return entry;
}

QList<ProblemGroups::Entry> ProblemGroups::entries(const QString &first) const
{
    QList<Entry> entries;
    entries.reserve(m_causes.size());
    for (const Cause &cause : m_causes)
        entries.append(entryOf(cause, first));
    std::stable_sort(entries.begin(), entries.end(), [&first](const Entry &a, const Entry &b) {
        const bool aFirst = !first.isEmpty() && a.resources.contains(first);
        const bool bFirst = !first.isEmpty() && b.resources.contains(first);
        if (aFirst != bFirst)
            return aFirst;
        return a.severity == Severity::Error && b.severity == Severity::Warning;
    });
    return entries;
}

} // namespace sa
