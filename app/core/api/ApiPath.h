#pragma once

#include <QString>
#include <QStringView>

// API paths from names. Each name (from a kubeconfig, a server object, the user) is one percent-encoded path
// segment, so that a "/" or ".." in it cannot make a request address another object.
namespace sa {

// `value` as one path segment: everything but RFC 3986's unreserved characters percent-encoded ("a/b" → "a%2Fb").
[[nodiscard]] QString pathSegment(const QString &value);

// The first segment of `path` that is "." or ".." (encoded or not), empty when none is: URLs drop such segments and
// the one before them, even percent-encoded, so a request with one would address another object.
[[nodiscard]] QString dotSegment(QStringView path);

// The path of a group version's resource list, as discovery names it: "v1" → /api/v1, "apps/v1" → /apis/apps/v1, each
// part one path segment. Empty for anything else (more parts, an empty or dot part): a server's /apis answer must not
// make discovery read another address.
[[nodiscard]] QString groupVersionPath(const QString &groupVersion);

} // namespace sa
