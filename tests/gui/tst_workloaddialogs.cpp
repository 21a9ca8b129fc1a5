// The YAML view and "change the service account of a workload", offscreen against kube-sim's demo cluster; what
// they did is checked on the server with a second client.

#include "Accessibility.h"
#include "KubeSimProcess.h"
#include "Kubectl.h"
#include "Manifests.h"
#include "Screenshot.h"
#include "SimClient.h"
#include "SimHttp.h"

#include "ChangeServiceAccountDialog.h"
#include "YamlDialog.h"
#include "api/KubeClient.h"
#include "config/Kubeconfig.h"
#include "resources/Resources.h"
#include "resources/Yaml.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sa;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

int mode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

QJsonObject bare(const QString &name, const QString &account)
{
    const QJsonObject container {
        {"name"_L1, "shell"_L1},
        {"image"_L1, "busybox:1.36"_L1},
        {"command"_L1, QJsonArray {"sleep"_L1, "3600"_L1}},
        {"volumeMounts"_L1, QJsonArray {QJsonObject {{"name"_L1, "scratch"_L1}, {"mountPath"_L1, "/scratch"_L1}}}}};
    return {{"apiVersion"_L1, "v1"_L1},
            {"kind"_L1, "Pod"_L1},
            {"metadata"_L1, QJsonObject {{"name"_L1, name}, {"labels"_L1, QJsonObject {{"purpose"_L1, "debug"_L1}}}}},
            {"spec"_L1,
             QJsonObject {{"serviceAccountName"_L1, account},
                          {"containers"_L1, QJsonArray {container}},
                          {"volumes"_L1,
                           QJsonArray {QJsonObject {{"name"_L1, "scratch"_L1}, {"emptyDir"_L1, QJsonObject {}}}}}}}};
}

} // namespace

class TestWorkloadDialogs : public QObject
{
    Q_OBJECT

private:
    QJsonObject get(const QString &path) const { return m_http->send("GET", path).json(); }

    QList<Workload> workloads(const QString &ns) const
    {
        QList<Deployment> deployments;
        for (const QJsonValue &item : get(u"/apis/apps/v1/namespaces/"_s + ns + u"/deployments"_s)[u"items"].toArray())
            deployments.append(*Deployment::fromJson(item.toObject()));
        QList<Pod> pods;
        for (const QJsonValue &item : get(u"/api/v1/namespaces/"_s + ns + u"/pods"_s)[u"items"].toArray())
            pods.append(*Pod::fromJson(item.toObject()));
        QList<StatefulSet> statefulSets;
        for (const QJsonValue &item : get(u"/apis/apps/v1/namespaces/"_s + ns + u"/statefulsets"_s)[u"items"].toArray())
            statefulSets.append(*StatefulSet::fromJson(item.toObject()));
        QList<DaemonSet> daemonSets;
        for (const QJsonValue &item : get(u"/apis/apps/v1/namespaces/"_s + ns + u"/daemonsets"_s)[u"items"].toArray())
            daemonSets.append(*DaemonSet::fromJson(item.toObject()));
        return Workload::of(ns, deployments, pods, statefulSets, daemonSets);
    }

    QStringList accounts(const QString &ns) const
    {
        QStringList names;
        for (const QJsonValue &item : get(u"/api/v1/namespaces/"_s + ns + u"/serviceaccounts"_s)[u"items"].toArray())
            names.append(item[u"metadata"][u"name"].toString());
        return names;
    }

    bool createPod(const QString &name, const QString &account)
    {
        return m_http->send("POST", u"/api/v1/namespaces/payments/pods"_s, json(bare(name, account))).code == 201;
    }

    std::unique_ptr<YamlDialog> openYaml(const QString &kind, const QString &ns, const QString &name)
    {
        auto dialog = std::make_unique<YamlDialog>(m_client.get(), kind, ns, name);
        dialog->show();
        return dialog;
    }

    std::unique_ptr<KubeSimProcess> m_sim;
    std::unique_ptr<SimHttp> m_http;
    std::unique_ptr<KubeClient> m_client;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Each function gets a demo cluster of its own: what one function changes (an account, a pod left behind) is
    // never what another one reads.
    void init()
    {
        m_sim = std::make_unique<KubeSimProcess>(QStringList {u"--seed"_s, u"demo"_s});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->error()));
        m_http = std::make_unique<SimHttp>(*m_sim);
        QString error;
        m_client = clientForKubeconfig(m_sim->kubeconfigPath(), &error);
        QVERIFY2(m_client, qPrintable(error));
    }

    void cleanup()
    {
        m_client.reset();
        m_http.reset();
        if (m_sim)
            QCOMPARE(m_sim->stop(), 0);
        m_sim.reset();
    }

    void yamlOfServiceAccount()
    {
        const auto dialog = openYaml(u"ServiceAccount"_s, u"payments"_s, u"payments-api"_s);
        QCOMPARE(dialog->windowTitle(), u"YAML of ServiceAccount payments/payments-api"_s);
        auto *status = dialog->findChild<QLabel *>(u"yamlStatus"_s);
        QCOMPARE(status->text(), u"Loading…"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        QVERIFY(status->isHidden());
        QVERIFY(dialog->findChild<QPushButton *>(u"revealValues"_s)->isHidden()); // nothing secret here

        const QString text = dialog->findChild<QPlainTextEdit *>(u"yaml"_s)->toPlainText();
        QVERIFY2(text.startsWith(u"apiVersion: v1\nimagePullSecrets:\n- name: "_s), qPrintable(text));
        QString error;
        const QJsonValue parsed = kubesim::yamlToJson(text.toUtf8(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject server = get(u"/api/v1/namespaces/payments/serviceaccounts/payments-api"_s);
        QCOMPARE(parsed.toObject(), withoutManagedFields(server));

        // Saved as shown; with nothing secret in it the file gets the usual permissions.
        const QString path = m_dir.filePath(u"payments-api.yaml"_s);
        QVERIFY2(dialog->saveTo(path, &error), qPrintable(error));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), text);
        QVERIFY(!dialog->saveTo(m_dir.filePath(u"no-such-dir/x.yaml"_s), &error));
        QVERIFY2(error.startsWith(u"Could not save "_s), qPrintable(error));
    }

    void yamlOfSecretMaskedUntilRevealed()
    {
        const QJsonObject server = get(u"/api/v1/namespaces/payments/secrets/db-credentials"_s);
        const QJsonObject values = server[u"data"].toObject();
        QCOMPARE(values.size(), 3);

        const auto dialog = openYaml(u"Secret"_s, u"payments"_s, u"db-credentials"_s);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
        auto *yaml = dialog->findChild<QPlainTextEdit *>(u"yaml"_s);
        auto *reveal = dialog->findChild<QPushButton *>(u"revealValues"_s);
        QVERIFY(reveal->isVisible() && reveal->isEnabled() && !reveal->isChecked());
        QCOMPARE(reveal->shortcut(), QKeySequence(u"Ctrl+H"_s));
        const QString masked = yaml->toPlainText();
        for (auto it = values.begin(); it != values.end(); ++it)
            QVERIFY2(!masked.contains(it.value().toString()), qPrintable(it.key()));
        // Decoded too (the user name is "payments", as the namespace: not a telling check).
        QVERIFY(!masked.contains(u"demo-only-password"_s));
        QVERIFY(!masked.contains(u"postgres.payments.svc"_s));
        QVERIFY2(masked.contains(u"  password: •••••• (18 bytes)\n"_s), qPrintable(masked));
        QCOMPARE(kubesim::yamlToJson(masked.toUtf8()).toObject(), maskSecretValues(server));
        saveScreenshot(dialog.get(), u"dialog-yaml"_s);

        // Saved masked: still nothing of the values in the file.
        QString error;
        const QString maskedPath = m_dir.filePath(u"db-credentials-masked.yaml"_s);
        QVERIFY2(dialog->saveTo(maskedPath, &error), qPrintable(error));
        QFile maskedFile(maskedPath);
        QVERIFY(maskedFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(maskedFile.readAll()), masked);

        // Revealing reads nothing more: with every GET of the secret failing from now on, the values still show.
        const QJsonObject faults {
            {"errors"_L1,
             QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/payments/secrets"_L1}, {"code"_L1, 500}}}}};
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, json(faults)).code, 200);
        reveal->click();
        QVERIFY(dialog->isRevealed());
        const QString revealed = yaml->toPlainText();
        QCOMPARE(kubesim::yamlToJson(revealed.toUtf8()).toObject(), withoutManagedFields(server));
        QCOMPARE(kubesim::yamlToJson(revealed.toUtf8())[u"data"].toObject(), values);
        QVERIFY(!(yaml->textInteractionFlags() & Qt::TextSelectableByMouse));

        // Saved revealed: the values, in a file only its owner may read, replacing an older one whole.
        const QString path = m_dir.filePath(u"db-credentials.yaml"_s);
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
        old.close();
        QVERIFY(old.setPermissions(old.permissions() | QFileDevice::ReadOther));
        QVERIFY2(dialog->saveTo(path, &error), qPrintable(error));
        QCOMPARE(mode(path), 0600);
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), revealed);

        // Hidden, the dialog masks the values again.
        dialog->hide();
        QVERIFY(!dialog->isRevealed());
        QCOMPARE(yaml->toPlainText(), masked);
        dialog->show();
        QVERIFY(!dialog->isRevealed());
        QCOMPARE(yaml->toPlainText(), masked);
    }

    void yamlOfMissingObject()
    {
        const auto dialog = openYaml(u"Pod"_s, u"payments"_s, u"no-such-pod"_s);
        auto *status = dialog->findChild<QLabel *>(u"yamlStatus"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status->text(),
                                  u"Could not read Pod payments/no-such-pod:\npods \"no-such-pod\" not found"_s, 10000);
        QVERIFY(status->isVisible());
        SA_VERIFY_LABELS_SPOKEN(dialog.get());
        QVERIFY(!dialog->isLoaded());
        QVERIFY(!dialog->findChild<QPushButton *>(u"saveYaml"_s)->isEnabled());
        QString error;
        QVERIFY(!dialog->saveTo(m_dir.filePath(u"missing.yaml"_s), &error));
        QVERIFY(!QFile::exists(m_dir.filePath(u"missing.yaml"_s)));
    }

    void workloadsAreDeploymentsAndBarePods()
    {
        QVERIFY(createPod(u"lonely"_s, QString()));
        const QList<Workload> found = workloads(u"payments"_s);
        QStringList labels;
        for (const Workload &workload : found)
            labels.append(workload.label() + u'@' + workload.serviceAccount + u'/' + QString::number(workload.pods));
        // The deployments' pods belong to their ReplicaSets, so are not there; an unset account is "default".
        QCOMPARE(labels,
                 QStringList({u"deployment/payments-api@payments-api/2"_s,
                              u"deployment/payments-worker@payments-worker/1"_s, u"pod/lonely@default/1"_s}));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/pods/lonely"_s).code, 200);
    }

    void preselectionNeverGuesses()
    {
        // Opened without a workload (Ctrl+Shift+R): none is chosen, whatever the target, until the user picks one.
        ChangeServiceAccountDialog unchosen(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                            accounts(u"payments"_s), QString(), u"payments-worker"_s);
        auto *workload = unchosen.findChild<QComboBox *>(u"workload"_s);
        QCOMPARE(workload->currentIndex(), -1);
        QVERIFY(!unchosen.findChild<QPushButton *>(u"okButton"_s)->isEnabled());
        workload->setCurrentIndex(workload->findText(u"deployment/payments-api (runs as payments-api)"_s));
        QVERIFY(unchosen.findChild<QPushButton *>(u"okButton"_s)->isEnabled());

        // A target the namespace lacks selects the current account, not a neighbour that OK would apply.
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"payments-api"_s, u"gone"_s);
        QCOMPARE(dialog.findChild<QComboBox *>(u"workload"_s)->currentText(),
                 u"deployment/payments-api (runs as payments-api)"_s);
        QCOMPARE(dialog.findChild<QComboBox *>(u"serviceAccount"_s)->currentText(), u"payments-api"_s);
        QVERIFY(!dialog.findChild<QPushButton *>(u"okButton"_s)->isEnabled());

        ChangeServiceAccountDialog empty(m_client.get(), u"quiet"_s, {}, {u"default"_s});
        QCOMPARE(empty.errorText(), u"quiet has no deployments, stateful sets, daemon sets or bare pods."_s);
        QVERIFY(!empty.findChild<QPushButton *>(u"okButton"_s)->isEnabled());
    }

    void enterNeverChanges()
    {
        // Even with the workload from its "change account" link and another account chosen, Enter applies nothing:
        // Cancel is the default button and Change is pressed on purpose.
        const auto accountOf = [this] {
            const QJsonObject deployment = get(u"/apis/apps/v1/namespaces/payments/deployments/payments-api"_s);
            return deployment[u"spec"][u"template"][u"spec"][u"serviceAccountName"].toString();
        };
        const QString before = accountOf();
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"deployment/payments-api"_s, u"default"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        QVERIFY(ok->isEnabled());
        QVERIFY(!ok->isDefault());
        QVERIFY(dialog.findChild<QPushButton *>(u"cancelButton"_s)->isDefault());
        // Enter where the focus is once the window is active.
        QCOMPARE(dialog.focusWidget(), dialog.findChild<QComboBox *>(u"workload"_s));
        QTest::keyClick(dialog.focusWidget(), Qt::Key_Return);
        QVERIFY(!dialog.isBusy());
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(accountOf(), before);
    }

    void changeDeploymentServiceAccount()
    {
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"deployment/payments-worker"_s, QString());
        dialog.show();
        QCOMPARE(dialog.windowTitle(), u"Change the service account of a workload in payments"_s);
        auto *workload = dialog.findChild<QComboBox *>(u"workload"_s);
        auto *account = dialog.findChild<QComboBox *>(u"serviceAccount"_s);
        auto *consequence = dialog.findChild<QLabel *>(u"consequence"_s);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        QCOMPARE(workload->currentText(), u"deployment/payments-worker (runs as payments-worker)"_s);
        // No target given: the current one, which cannot be applied; why, once the user changes something.
        QCOMPARE(account->currentText(), u"payments-worker"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.errorText().isEmpty());
        account->setCurrentIndex(account->findText(u"default"_s));
        account->setCurrentIndex(account->findText(u"payments-worker"_s));
        QVERIFY(dialog.errorText().contains(u"already runs as payments-worker"_s));
        QVERIFY(dialog.findChild<QCheckBox *>(u"confirmRecreate"_s)->isHidden());

        workload->setCurrentIndex(workload->findText(u"deployment/payments-api (runs as payments-api)"_s));
        account->setCurrentIndex(account->findText(u"default"_s));
        QVERIFY2(consequence->text().startsWith(
                     u"A rolling update replaces its 2 pods; they run as default once it is done."_s),
                 qPrintable(consequence->text()));

        workload->setCurrentIndex(workload->findText(u"deployment/payments-worker (runs as payments-worker)"_s));
        account->setCurrentIndex(account->findText(u"payments-api"_s));
        QVERIFY2(consequence->text().startsWith(
                     u"A rolling update replaces its pod; it runs as payments-api once it is done."_s),
                 qPrintable(consequence->text()));
        QCOMPARE(spokenName(consequence), consequence->text());
        SA_VERIFY_LABELS_SPOKEN(&dialog);
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.errorText().isEmpty());
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(u"changeResult"_s), 30000);
        const QString result = dialog.findChild<QLabel *>(u"changeResult"_s)->text();
        QCOMPARE(result,
                 u"deployment/payments-worker now runs as payments-api.\n"
                 u"The rolling update is done: its pod runs as payments-api."_s);
        QCOMPARE(spokenName(dialog.findChild<QLabel *>(u"changeResult"_s)), result);

        // On the server: the template says so, and every pod of the deployment runs as the new account.
        const QJsonObject deployment = get(u"/apis/apps/v1/namespaces/payments/deployments/payments-worker"_s);
        QCOMPARE(deployment[u"spec"][u"template"][u"spec"][u"serviceAccountName"].toString(), u"payments-api"_s);
        const auto podsOf = [this] {
            QStringList accounts;
            for (const QJsonValue &pod :
                 get(u"/api/v1/namespaces/payments/pods?labelSelector=app%3Dpayments-worker"_s)[u"items"].toArray())
                accounts.append(pod[u"spec"][u"serviceAccountName"].toString());
            return accounts;
        };
        QTRY_COMPARE(podsOf(), QStringList {u"payments-api"_s});
    }

    void changeDaemonSetServiceAccount()
    {
        // A DaemonSet (one pod per node) is listed after the deployments and rolls like them.
        const QJsonObject labels {{"app"_L1, "log-agent"_L1}};
        // Built in steps: moc cannot parse one deeply nested initializer.
        const QJsonArray containers {QJsonObject {{"name"_L1, "agent"_L1}, {"image"_L1, "fluent-bit:3"_L1}}};
        const QJsonObject podTemplate {{"metadata"_L1, QJsonObject {{"labels"_L1, labels}}},
                                       {"spec"_L1, QJsonObject {{"containers"_L1, containers}}}};
        const QJsonObject spec {{"selector"_L1, QJsonObject {{"matchLabels"_L1, labels}}},
                                {"template"_L1, podTemplate}};
        const QJsonObject daemonSet {{"apiVersion"_L1, "apps/v1"_L1},
                                     {"kind"_L1, "DaemonSet"_L1},
                                     {"metadata"_L1, QJsonObject {{"name"_L1, "log-agent"_L1}}},
                                     {"spec"_L1, spec}};
        QCOMPARE(m_http->send("POST", u"/apis/apps/v1/namespaces/payments/daemonsets"_s, json(daemonSet)).code, 201);
        const auto podAccounts = [this] {
            QStringList accounts;
            for (const QJsonValue &pod :
                 get(u"/api/v1/namespaces/payments/pods?labelSelector=app%3Dlog-agent"_s)[u"items"].toArray())
                accounts.append(pod[u"spec"][u"serviceAccountName"].toString());
            return accounts;
        };
        QTRY_COMPARE(podAccounts(), QStringList {u"default"_s});
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"daemonset/log-agent"_s, u"payments-worker"_s);
        dialog.show();
        auto *workload = dialog.findChild<QComboBox *>(u"workload"_s);
        QCOMPARE(workload->itemText(2), u"daemonset/log-agent (runs as default)"_s); // after the two deployments
        QCOMPARE(workload->currentIndex(), 2);
        QVERIFY2(dialog.findChild<QLabel *>(u"consequence"_s)
                     ->text()
                     .startsWith(u"A rolling update replaces its pod; it runs as payments-worker once it is done."_s),
                 qPrintable(dialog.findChild<QLabel *>(u"consequence"_s)->text()));
        dialog.findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(u"changeResult"_s), 30000);
        QCOMPARE(dialog.findChild<QLabel *>(u"changeResult"_s)->text(),
                 u"daemonset/log-agent now runs as payments-worker.\n"
                 u"The rolling update is done: its pod runs as payments-worker."_s);
        QTRY_COMPARE(podAccounts(), QStringList {u"payments-worker"_s});
        QCOMPARE(m_http->send("DELETE", u"/apis/apps/v1/namespaces/payments/daemonsets/log-agent"_s).code, 200);
    }

    void recreateBarePod()
    {
        QVERIFY(createPod(u"debug-shell"_s, u"payments-worker"_s));
        const QJsonObject before = get(u"/api/v1/namespaces/payments/pods/debug-shell"_s);
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"pod/debug-shell"_s, u"payments-api"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *confirm = dialog.findChild<QCheckBox *>(u"confirmRecreate"_s);
        auto *ok = dialog.findChild<QPushButton *>(u"okButton"_s);
        QCOMPARE(dialog.findChild<QComboBox *>(u"workload"_s)->currentText(),
                 u"pod/debug-shell (runs as payments-worker)"_s);
        QVERIFY(dialog.findChild<QLabel *>(u"consequence"_s)
                    ->text()
                    .startsWith(u"A pod's service account cannot change: the pod is deleted and created again with "
                                u"the same spec under payments-api; it is down meanwhile and its data in emptyDir "
                                u"volumes is lost."_s));
        QVERIFY(confirm->isVisible());
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.errorText().isEmpty()); // the unchecked box says it all until the user does something
        confirm->setChecked(true);
        confirm->setChecked(false);
        QVERIFY(dialog.errorText().startsWith(u"Confirm"_s));
        confirm->setChecked(true);
        QVERIFY(ok->isEnabled());
        saveScreenshot(&dialog, u"dialog-change-service-account"_s);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.findChild<QLabel *>(u"changeResult"_s), 30000);
        QCOMPARE(dialog.findChild<QLabel *>(u"changeResult"_s)->text(),
                 u"Pod debug-shell was deleted and created again.\nThe new pod runs as payments-api."_s);

        // A new pod of that name, with the same spec under the new account.
        const QJsonObject after = get(u"/api/v1/namespaces/payments/pods/debug-shell"_s);
        QVERIFY(after[u"metadata"][u"uid"].toString() != before[u"metadata"][u"uid"].toString());
        QCOMPARE(after[u"spec"][u"serviceAccountName"].toString(), u"payments-api"_s);
        QCOMPARE(after[u"metadata"][u"labels"].toObject(), before[u"metadata"][u"labels"].toObject());
        QCOMPARE(after[u"spec"][u"containers"][0][u"image"].toString(), u"busybox:1.36"_s);
        QStringList volumes;
        for (const QJsonValue &volume : after[u"spec"][u"volumes"].toArray())
            volumes.append(volume[u"name"].toString());
        QVERIFY2(volumes.contains(u"scratch"_s), qPrintable(volumes.join(u',')));
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/pods/debug-shell"_s).code, 200);
    }

    void podDeletedMeanwhile()
    {
        QVERIFY(createPod(u"short-lived"_s, u"payments-worker"_s));
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"pod/short-lived"_s, u"default"_s);
        dialog.show();
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/pods/short-lived"_s).code, 200);
        dialog.findChild<QCheckBox *>(u"confirmRecreate"_s)->setChecked(true);
        dialog.findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains(u"pods \"short-lived\" not found"_s), 10000);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.findChild<QLabel *>(u"changeResult"_s));
        QVERIFY(dialog.findChild<QPushButton *>(u"okButton"_s)->isEnabled()); // the user may try again
    }

    void refusedAccountPutsThePodBack()
    {
        QVERIFY(createPod(u"api-probe"_s, u"payments-worker"_s));
        const QJsonObject account {{"apiVersion"_L1, "v1"_L1},
                                   {"kind"_L1, "ServiceAccount"_L1},
                                   {"metadata"_L1, QJsonObject {{"name"_L1, "temp-runner"_L1}}}};
        QCOMPARE(m_http->send("POST", u"/api/v1/namespaces/payments/serviceaccounts"_s, json(account)).code, 201);
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"api-probe"_s, u"temp-runner"_s);
        dialog.show();
        QCOMPARE(dialog.findChild<QComboBox *>(u"serviceAccount"_s)->currentText(), u"temp-runner"_s);
        // The account goes while the dialog is open: the ServiceAccount admission plugin refuses the new pod.
        QCOMPARE(m_http->send("DELETE", u"/api/v1/namespaces/payments/serviceaccounts/temp-runner"_s).code, 200);
        dialog.findChild<QCheckBox *>(u"confirmRecreate"_s)->setChecked(true);
        dialog.findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && !dialog.isBusy(), 15000);
        const QString error = dialog.errorText();
        QVERIFY2(error.contains(u"serviceaccount \"temp-runner\" not found"_s), qPrintable(error));
        QVERIFY2(error.contains(u"not found. The original pod was created again."_s), qPrintable(error));
        SA_VERIFY_LABELS_SPOKEN(&dialog);
        QVERIFY(!dialog.findChild<QLabel *>(u"changeResult"_s));
        // The sentence makes room for itself: the form above it is not squeezed. The dialog grows on the layout
        // request the error posts, so once the event loop has run, as the user sees it.
        auto *consequence = dialog.findChild<QLabel *>(u"consequence"_s);
        QTRY_VERIFY_WITH_TIMEOUT(consequence->height() >= consequence->heightForWidth(consequence->width()), 5000);
        const QJsonObject pod = get(u"/api/v1/namespaces/payments/pods/api-probe"_s);
        QCOMPARE(pod[u"spec"][u"serviceAccountName"].toString(), u"payments-worker"_s);
        QVERIFY(dialog.findChild<QPlainTextEdit *>(u"recoveryYaml"_s)->isHidden()); // nothing to recover
    }

    void lostPodIsHandedBack()
    {
        // The server refuses both the new pod and the old one put back: the dialog hands over the pod's manifest,
        // which kubectl can apply as it is.
        QVERIFY(createPod(u"unlucky"_s, u"payments-worker"_s));
        const QJsonObject faults {{"errors"_L1,
                                   QJsonArray {QJsonObject {{"path"_L1, "^/api/v1/namespaces/payments/pods$"_L1},
                                                            {"method"_L1, "POST"_L1},
                                                            {"code"_L1, 500},
                                                            {"count"_L1, 2}}}}};
        QCOMPARE(m_http->send("PUT", u"/kube-sim/v1/faults"_s, json(faults)).code, 200);
        ChangeServiceAccountDialog dialog(m_client.get(), u"payments"_s, workloads(u"payments"_s),
                                          accounts(u"payments"_s), u"unlucky"_s, u"payments-api"_s);
        dialog.show();
        dialog.findChild<QCheckBox *>(u"confirmRecreate"_s)->setChecked(true);
        dialog.findChild<QPushButton *>(u"okButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() && !dialog.isBusy(), 15000);
        auto *recovery = dialog.findChild<QPlainTextEdit *>(u"recoveryYaml"_s);
        QVERIFY2(recovery->isVisible(), qPrintable(dialog.errorText()));
        QCOMPARE(m_http->send("GET", u"/api/v1/namespaces/payments/pods/unlucky"_s).code, 404);
        QCOMPARE(m_http->send("DELETE", u"/kube-sim/v1/faults"_s).code, 200);
        const QByteArray manifest = recovery->toPlainText().toUtf8();
        QVERIFY(manifest.contains("name: unlucky"));
        const QString file = Kubectl(*m_sim).writeFile(u"unlucky.yaml"_s, manifest);
        const CommandResult applied = Kubectl(*m_sim).run({u"apply"_s, u"-f"_s, file});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const QJsonObject pod = get(u"/api/v1/namespaces/payments/pods/unlucky"_s);
        QCOMPARE(pod[u"spec"][u"serviceAccountName"].toString(), u"payments-worker"_s);
    }
};

QTEST_MAIN(TestWorkloadDialogs)
#include "tst_workloaddialogs.moc"
