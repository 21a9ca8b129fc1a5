#include "ProjectedTokenDialog.h"

#include "SnippetView.h"
#include "resources/ProjectedToken.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace sa {

namespace {

// The kubelet refuses to ask for less (the TokenRequest minimum); a day is a sensible most for a pod's token.
constexpr int kMinimumLifetime = 600;
constexpr int kMaximumLifetime = 48 * 3600;

} // namespace

ProjectedTokenDialog::ProjectedTokenDialog(const TokenFacts &token, const QMap<QString, QString> &accountAnnotations,
                                           QList<QJsonObject> pods, QWidget *parent)
    : QDialog(parent)
    , m_token(token)
    , m_annotations(accountAnnotations)
    , m_pods(std::move(pods))
    , m_pod(new QComboBox)
    , m_audience(new QLineEdit)
    , m_lifetime(new QSpinBox)
    , m_uses(new QLabel)
    , m_snippet(new SnippetView(u"projectedSnippet"_s, tr("Pod spec fragment"),
                                tr("Copied. Put it in the pod template, roll the workload, then invalidate the old "
                                   "token.")))
{
    setObjectName(u"projectedTokenDialog"_s);
    setWindowTitle(tr("Replace %1 by a projected token").arg(token.name));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("A projected service-account token replaces the long-lived token %1: the kubelet requests it for the pod, "
           "bound to that pod, valid for the lifetime below and renewed before it runs out; it dies with the pod. Put "
           "this fragment in the pod template (the workload's manifest), roll the workload out, and once nothing "
           "reads %1 any more, invalidate or delete it.")
            .arg(token.name));
    intro->setObjectName(u"projectedIntro"_s);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    std::ranges::sort(m_pods, {}, [](const QJsonObject &pod) { return pod[u"metadata"][u"name"].toString(); });
    for (const QJsonObject &pod : std::as_const(m_pods))
        m_pod->addItem(pod[u"metadata"][u"name"].toString());
    m_pod->setObjectName(u"projectedPod"_s);
    m_pod->setAccessibleName(tr("Pod"));
    form->addRow(tr("For &pod:"), m_pod);
    m_audience->setObjectName(u"projectedAudience"_s);
    m_audience->setAccessibleName(tr("Audience"));
    m_audience->setPlaceholderText(tr("the API server's (leave empty to call the Kubernetes API)"));
    form->addRow(tr("&Audience:"), m_audience);
    m_lifetime->setObjectName(u"projectedLifetime"_s);
    m_lifetime->setAccessibleName(tr("Lifetime in seconds"));
    m_lifetime->setRange(kMinimumLifetime, kMaximumLifetime);
    m_lifetime->setValue(3600);
    m_lifetime->setSingleStep(600);
    m_lifetime->setSuffix(tr(" s"));
    form->addRow(tr("&Lifetime:"), m_lifetime);
    layout->addLayout(form);
    m_uses->setObjectName(u"projectedUses"_s);
    m_uses->setTextFormat(Qt::PlainText);
    m_uses->setWordWrap(true);
    layout->addWidget(m_uses);
    m_snippet->setSuggestedFileName(token.account + u"-projected-token.yaml"_s);
    layout->addWidget(m_snippet, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(620);

    connect(m_pod, &QComboBox::currentIndexChanged, this, &ProjectedTokenDialog::update);
    connect(m_audience, &QLineEdit::textChanged, this, &ProjectedTokenDialog::update);
    connect(m_lifetime, &QSpinBox::valueChanged, this, &ProjectedTokenDialog::update);
    update();
}

QString ProjectedTokenDialog::snippet() const
{
    return m_snippet->text();
}

void ProjectedTokenDialog::update()
{
    ProjectedTokenRequest request;
    request.ns = m_token.ns;
    request.serviceAccount = m_token.account;
    request.accountAnnotations = m_annotations;
    request.secretName = m_token.name;
    request.audience = m_audience->text().trimmed();
    request.expirationSeconds = m_lifetime->value();
    QStringList uses;
    const int index = m_pod->currentIndex();
    if (index >= 0 && index < m_pods.size()) {
        for (const SecretUse &use : SecretUse::of(m_pods.at(index).value(u"spec").toObject())) {
            if (use.secret != m_token.name)
                continue;
            switch (use.kind) {
            case SecretUse::Kind::Volume: {
                TokenVolumeUse volume {use.volume, {}};
                for (const QString &mount : use.mounts)
                    volume.mounts.append({mount.section(u':', 0, 0), mount.section(u':', 1)});
                request.volumes.append(volume);
                uses.append(tr("volume %1").arg(use.volume));
                break;
            }
            case SecretUse::Kind::Env:
                request.env.append({use.container, use.variable});
                uses.append(tr("variable %1 of container %2").arg(use.variable, use.container));
                break;
            case SecretUse::Kind::EnvFrom:
                uses.append(
                    tr("envFrom of container %1 (remove it: the token is read from the file)").arg(use.container));
                break;
            }
        }
    }
    m_uses->setText(uses.isEmpty() ? tr("This pod does not read %1 any more.").arg(m_token.name)
                                   : tr("Replaces: %1.").arg(uses.join(u"; "_s)));
    m_snippet->setText(QString::fromUtf8(projectedTokenSnippet(request)));
}

} // namespace sa
