#include "SimHttp.h"

#include "KubeSimProcess.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

SimHttp::SimHttp(const KubeSimProcess &sim)
    : m_sim(sim)
{ }

QNetworkRequest SimHttp::request(const QString &path, const QByteArray &accept, bool anonymous) const
{
    QNetworkRequest request(QUrl(m_sim.url() + path));
    request.setSslConfiguration(anonymous ? m_sim.anonymousTls() : m_sim.adminTls());
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    return request;
}

HttpResult SimHttp::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, const QByteArray &accept, bool anonymous)
{
    QNetworkRequest req = request(path, accept, anonymous);
    if (!body.isEmpty() || verb != "GET")
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkAccessManager &network = anonymous ? m_anonymousNetwork : m_network;
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(req, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(20000)) {
        reply->abort();
        return {0, QNetworkReply::TimeoutError, {}, {}, {}};
    }
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
            reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll(), reply->rawHeaderPairs()};
}

std::unique_ptr<QNetworkReply> SimHttp::stream(const QString &path)
{
    QNetworkRequest req = request(path, {}, false);
    req.setTransferTimeout(0);
    return std::unique_ptr<QNetworkReply>(m_network.get(req));
}

QList<QJsonObject> SimHttp::readEvents(QNetworkReply *reply, qsizetype count, QByteArray &buffer)
{
    QList<QJsonObject> events;
    const QDeadlineTimer deadline(15000);
    while (events.size() < count && !deadline.hasExpired()) {
        qsizetype newline;
        while (events.size() < count && (newline = buffer.indexOf('\n')) >= 0) {
            events.append(QJsonDocument::fromJson(buffer.left(newline)).object());
            buffer.remove(0, newline + 1);
        }
        if (events.size() >= count || reply->isFinished())
            break;
        QSignalSpy more(reply, &QNetworkReply::readyRead);
        more.wait(500);
        buffer += reply->readAll();
    }
    return events;
}
