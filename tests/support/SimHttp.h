#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QString>

#include <memory>

class KubeSimProcess;

struct HttpResult
{
    int code = 0; // 0 when no HTTP answer came (see error; TimeoutError when none came in time)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    [[nodiscard]] QJsonObject json() const;
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
};

// Plain HTTPS requests to a KubeSimProcess, as its admin (client certificate) or anonymously, for tests
// that look at status codes, headers and bodies directly.
class SimHttp
{
public:
    explicit SimHttp(const KubeSimProcess &sim);

    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json", const QByteArray &accept = {},
                    bool anonymous = false);
    // An open streaming GET (a watch), with no transfer timeout.
    std::unique_ptr<QNetworkReply> stream(const QString &path);
    // Reads newline-delimited JSON events until `count` have arrived, the stream ends, or 15 s pass.
    static QList<QJsonObject> readEvents(QNetworkReply *reply, qsizetype count, QByteArray &buffer);

private:
    QNetworkRequest request(const QString &path, const QByteArray &accept, bool anonymous) const;

    const KubeSimProcess &m_sim;
    QNetworkAccessManager m_network;
    // QNAM reuses connections by host and port whatever the TLS settings: anonymous ones need their own.
    QNetworkAccessManager m_anonymousNetwork;
};
