<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Preferences</name>
    <message>
        <source>A copied secret is cleared after %1 to %2 seconds.</source>
        <translation>Ein kopiertes Secret wird nach %1 bis %2 Sekunden entfernt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a full path: start it with / or ~/.</source>
        <translation>„%1“ ist kein vollständiger Pfad: Beginnen Sie ihn mit / oder ~/.</translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation>Es gibt keinen Ordner %1.</translation>
    </message>
</context>
<context>
    <name>sa::About</name>
    <message>
        <source>Qt %1 (built with Qt %2)</source>
        <translation>Qt %1 (erstellt mit Qt %2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SA Admin %1&lt;/h3&gt;&lt;p&gt;Administer Kubernetes service accounts, tokens and pull secrets.&lt;/p&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Licensed under the &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;; see LICENSE and NOTICE.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SA Admin %1&lt;/h3&gt;&lt;p&gt;Kubernetes-Dienstkonten, Tokens und Pull-Secrets verwalten.&lt;/p&gt;&lt;p&gt;%2&lt;br&gt;%3&lt;/p&gt;&lt;p&gt;Lizenziert unter der &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;Apache License, Version 2.0&lt;/a&gt;; siehe LICENSE und NOTICE.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About SA Admin</source>
        <translation>Über SA Admin</translation>
    </message>
</context>
<context>
    <name>sa::ActionDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Canceling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>sa::ApiError</name>
    <message>
        <source>The server at %1 did not accept the connection within %2 s.</source>
        <translation>Der Server unter %1 hat die Verbindung nicht innerhalb von %2 s angenommen.</translation>
    </message>
    <message>
        <source>The server at %1 accepted the connection but did not complete the TLS handshake within %2 s.</source>
        <translation>Der Server unter %1 hat die Verbindung angenommen, aber den TLS-Handshake nicht innerhalb von %2 s abgeschlossen.</translation>
    </message>
    <message>
        <source>The server at %1 accepted the connection but did not take the request within %2 s.</source>
        <translation>Der Server unter %1 hat die Verbindung angenommen, aber die Anfrage nicht innerhalb von %2 s entgegengenommen.</translation>
    </message>
    <message>
        <source>The connection to %1 was not established within %2 s.</source>
        <translation>Die Verbindung zu %1 wurde nicht innerhalb von %2 s hergestellt.</translation>
    </message>
    <message>
        <source>the cluster</source>
        <translation>dem Cluster</translation>
    </message>
    <message>
        <source>The request was canceled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>No answer from %1 in time. The cluster may be overloaded or unreachable.</source>
        <translation>Keine rechtzeitige Antwort von %1. Der Cluster ist möglicherweise überlastet oder nicht erreichbar.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen.</translation>
    </message>
    <message>
        <source>Its certificate is not valid for the name &quot;%1&quot;: check the cluster&apos;s server address and tls-server-name in your kubeconfig.</source>
        <translation>Das Zertifikat des Servers ist für den Namen „%1“ nicht gültig: Prüfen Sie die Serveradresse des Clusters und tls-server-name in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>Its certificate was not issued by a certificate authority your kubeconfig trusts: check the cluster&apos;s certificate-authority.</source>
        <translation>Das Zertifikat des Servers wurde nicht von einer Zertifizierungsstelle ausgestellt, der Ihre kubeconfig vertraut: Prüfen Sie die certificate-authority des Clusters.</translation>
    </message>
    <message>
        <source>Check the cluster&apos;s certificate-authority in your kubeconfig.</source>
        <translation>Prüfen Sie die certificate-authority des Clusters in Ihrer kubeconfig.</translation>
    </message>
    <message>
        <source>The connection to %1 is not trusted: %2.</source>
        <translation>Die Verbindung zu %1 ist nicht vertrauenswürdig: %2.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: the connection was refused. Is the API server running?</source>
        <translation>Keine Verbindung zu %1 möglich: Die Verbindung wurde abgelehnt. Läuft der API-Server?</translation>
    </message>
    <message>
        <source>Cannot find %1: the host name does not resolve.</source>
        <translation>Keine Adresse zu %1 gefunden: Der Hostname lässt sich nicht auflösen.</translation>
    </message>
    <message>
        <source>The server at %1 closed the connection. It may have refused the client certificate, or restarted.</source>
        <translation>Die Verbindung zu %1 wurde von der Gegenseite geschlossen. Möglicherweise hat der Server das Client-Zertifikat abgelehnt oder wurde neu gestartet.</translation>
    </message>
    <message>
        <source>The proxy to %1 failed: %2</source>
        <translation>Der Proxy für die Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>Cannot get credentials for this cluster: %1</source>
        <translation>Für diesen Cluster können keine Zugangsdaten abgerufen werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer was not understood: %1</source>
        <translation>Die Antwort des Servers wurde nicht verstanden: %1</translation>
    </message>
    <message>
        <source>The cluster did not accept your credentials (401 Unauthorized). Log in again or check the kubeconfig user.</source>
        <translation>Der Cluster hat Ihre Zugangsdaten nicht akzeptiert (401 Unauthorized). Melden Sie sich erneut an oder prüfen Sie den Benutzer in der kubeconfig.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete mit %1.</translation>
    </message>
    <message>
        <source>The server answered %1 %2.</source>
        <translation>Der Server antwortete mit %1 %2.</translation>
    </message>
</context>
<context>
    <name>sa::Application</name>
    <message>
        <source>&lt;p&gt;No cluster is configured. SA Admin reads the same kubeconfig as kubectl: the file named by &lt;tt&gt;--kubeconfig&lt;/tt&gt;, else the files in &lt;tt&gt;KUBECONFIG&lt;/tt&gt;, else &lt;tt&gt;~/.kube/config&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Create one with your cluster&apos;s tooling (for example &lt;tt&gt;aws eks update-kubeconfig&lt;/tt&gt;, &lt;tt&gt;gcloud container clusters get-credentials&lt;/tt&gt; or &lt;tt&gt;kind create cluster&lt;/tt&gt;), or look around in a demo cluster that runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Es ist kein Cluster konfiguriert. SA Admin liest dieselbe kubeconfig wie kubectl: die mit &lt;tt&gt;--kubeconfig&lt;/tt&gt; angegebene Datei, sonst die Dateien in &lt;tt&gt;KUBECONFIG&lt;/tt&gt;, sonst &lt;tt&gt;~/.kube/config&lt;/tt&gt;.&lt;/p&gt;&lt;p&gt;Erstellen Sie eine mit den Werkzeugen Ihres Clusters (zum Beispiel &lt;tt&gt;aws eks update-kubeconfig&lt;/tt&gt;, &lt;tt&gt;gcloud container clusters get-credentials&lt;/tt&gt; oder &lt;tt&gt;kind create cluster&lt;/tt&gt;) oder sehen Sie sich in einem Demo-Cluster um, der auf diesem Computer läuft.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Cannot use context &quot;%1&quot;: %2</source>
        <translation>Kontext „%1“ kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo cluster needs &lt;tt&gt;kube-sim&lt;/tt&gt;, which was not found beside sa-admin or on PATH.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Demo-Cluster benötigt &lt;tt&gt;kube-sim&lt;/tt&gt;, das weder neben sa-admin noch im PATH gefunden wurde.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo cluster needs a private folder in %1: %2&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Demo-Cluster benötigt einen privaten Ordner in %1: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The demo cluster stopped (exit code %1). %2</source>
        <translation>Der Demo-Cluster wurde beendet (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo cluster could not start: %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Demo-Cluster konnte nicht gestartet werden: %1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>sa::AutomountDialog</name>
    <message>
        <source>Pod manifest</source>
        <translation>Pod-Manifest</translation>
    </message>
    <message>
        <source>Copied. Create the pod with kubectl apply -f -</source>
        <translation>Kopiert. Erstellen Sie den Pod mit kubectl apply -f -</translation>
    </message>
    <message>
        <source>Token automount for %1/%2</source>
        <translation>Automatisches Einbinden des Tokens für %1/%2</translation>
    </message>
    <message>
        <source>Pods that run as %1 get its token mounted at /var/run/secrets/kubernetes.io/serviceaccount unless the account or the pod turns that off; the pod&apos;s own setting wins. A workload that never calls the API needs no token.</source>
        <translation>In Pods, die als %1 laufen, wird dessen Token unter /var/run/secrets/kubernetes.io/serviceaccount eingebunden, sofern weder das Konto noch der Pod dies abschaltet; die Einstellung des Pods hat Vorrang. Ein Workload, der die API nie aufruft, benötigt kein Token.</translation>
    </message>
    <message>
        <source>Automount the token</source>
        <translation>Token automatisch einbinden</translation>
    </message>
    <message>
        <source>Not set (mounted: the default)</source>
        <translation>Nicht festgelegt (eingebunden: der Standard)</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Eingebunden</translation>
    </message>
    <message>
        <source>Not mounted</source>
        <translation>Nicht eingebunden</translation>
    </message>
    <message>
        <source>&amp;Token in pods:</source>
        <translation>&amp;Token in Pods:</translation>
    </message>
    <message>
        <source>Run a pod as this service account</source>
        <translation>Einen Pod als dieses Dienstkonto ausführen</translation>
    </message>
    <message>
        <source>Token in this pod</source>
        <translation>Token in diesem Pod</translation>
    </message>
    <message>
        <source>As the account says</source>
        <translation>Wie im Konto festgelegt</translation>
    </message>
    <message>
        <source>Token in the &amp;pod:</source>
        <translation>Token im &amp;Pod:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>The setting was not changed.</source>
        <translation>Die Einstellung wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The setting may have been changed: the details show what it is now.</source>
        <translation>Die Einstellung wurde möglicherweise geändert: Die Details zeigen den aktuellen Stand.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>sa::CanItDialog</name>
    <message>
        <source>Cluster-wide / all namespaces</source>
        <translation>Clusterweit / alle Namespaces</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>The server&apos;s answer</source>
        <translation>Antwort des Servers</translation>
    </message>
    <message>
        <source>SA Admin&apos;s answer</source>
        <translation>Antwort von SA Admin</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Can %1/%2…?</source>
        <translation>Darf %1/%2…?</translation>
    </message>
    <message>
        <source>The server (SubjectAccessReview)</source>
        <translation>Der Server (SubjectAccessReview)</translation>
    </message>
    <message>
        <source>SA Admin (from roles and bindings)</source>
        <translation>SA Admin (aus Rollen und Bindungen)</translation>
    </message>
    <message>
        <source>Not asked yet.</source>
        <translation>Noch nicht gefragt.</translation>
    </message>
    <message>
        <source>Enter a resource.</source>
        <translation>Geben Sie eine Ressource ein.</translation>
    </message>
    <message>
        <source>Cannot check: the roles and bindings could not be read. Only the server&apos;s answer counts.</source>
        <translation>Kann nicht geprüft werden: Die Rollen und Bindungen konnten nicht gelesen werden. Nur die Antwort des Servers zählt.</translation>
    </message>
    <message>
        <source>Allowed, by:</source>
        <translation>Erlaubt durch:</translation>
    </message>
    <message>
        <source>Denied: no binding grants it.</source>
        <translation>Abgelehnt: Keine Bindung gewährt dies.</translation>
    </message>
    <message>
        <source>Bindings to roles that do not exist (they grant nothing):</source>
        <translation>Bindungen an Rollen, die nicht existieren (sie gewähren nichts):</translation>
    </message>
    <message>
        <source>Asking the server…</source>
        <translation>Server wird gefragt…</translation>
    </message>
    <message>
        <source>Could not ask the server: %1</source>
        <translation>Der Server konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>Allowed.</source>
        <translation>Erlaubt.</translation>
    </message>
    <message>
        <source>Denied.</source>
        <translation>Abgelehnt.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Evaluation error: %1</source>
        <translation>Auswertungsfehler: %1</translation>
    </message>
    <message>
        <source>The server and SA Admin agree.</source>
        <translation>Server und SA Admin stimmen überein.</translation>
    </message>
    <message>
        <source>They disagree: the server allows it, but no binding SA Admin knows of grants it. The server decides: another authorizer may allow it, or the roles and bindings shown here are out of date.</source>
        <translation>Die Antworten weichen ab: Der Server erlaubt es, aber keine SA Admin bekannte Bindung gewährt es. Der Server entscheidet: Möglicherweise erlaubt es ein anderer Autorisierer, oder die hier gezeigten Rollen und Bindungen sind veraltet.</translation>
    </message>
    <message>
        <source>They disagree: SA Admin finds a binding that grants it, but the server denies it. The server decides: the roles and bindings shown here may be out of date.</source>
        <translation>Die Antworten weichen ab: SA Admin findet eine Bindung, die es gewährt, aber der Server lehnt es ab. Der Server entscheidet: Die hier gezeigten Rollen und Bindungen sind möglicherweise veraltet.</translation>
    </message>
</context>
<context>
    <name>sa::ChangeServiceAccountDialog</name>
    <message>
        <source>Change the service account of a workload in %1</source>
        <translation>Dienstkonto eines Workloads in %1 ändern</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Choose a workload…</source>
        <translation>Workload auswählen…</translation>
    </message>
    <message>
        <source>%1 (runs as %2)</source>
        <translation>%1 (läuft als %2)</translation>
    </message>
    <message>
        <source>Service account to run as</source>
        <translation>Dienstkonto für die Ausführung</translation>
    </message>
    <message>
        <source>Choose a service account…</source>
        <translation>Dienstkonto auswählen…</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was passieren wird</translation>
    </message>
    <message>
        <source>Confirm deleting and creating the pod again</source>
        <translation>Löschen und Neuerstellen des Pods bestätigen</translation>
    </message>
    <message>
        <source>&amp;Workload:</source>
        <translation>&amp;Workload:</translation>
    </message>
    <message>
        <source>&amp;Run as:</source>
        <translation>&amp;Ausführen als:</translation>
    </message>
    <message>
        <source>The pod&apos;s manifest</source>
        <translation>Manifest des Pods</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Ä&amp;ndern</translation>
    </message>
    <message>
        <source># The pod is gone. Save this and create it again: kubectl apply -f FILE
</source>
        <translation># Der Pod existiert nicht mehr. Speichern Sie dies und erstellen Sie ihn neu: kubectl apply -f FILE
</translation>
    </message>
    <message>
        <source>Delete pod %1 and create it again</source>
        <translation>Pod %1 löschen und neu erstellen</translation>
    </message>
    <message>
        <source>A pod&apos;s service account cannot change: the pod is deleted and created again with the same spec under %1; it is down meanwhile and its data in emptyDir volumes is lost.</source>
        <translation>Das Dienstkonto eines Pods kann sich nicht ändern: Der Pod wird gelöscht und mit derselben Spec unter %1 neu erstellt; in der Zwischenzeit ist er nicht verfügbar, und seine Daten in emptyDir-Volumes gehen verloren.</translation>
    </message>
    <message>
        <source>It has no pods now; the pods it starts later run as %1.</source>
        <translation>Er hat derzeit keine Pods; die Pods, die er später startet, laufen als %1.</translation>
    </message>
    <message>
        <source>A rolling update replaces its pod; it runs as %1 once it is done.</source>
        <translation>Ein Rolling Update ersetzt seinen Pod; sobald es abgeschlossen ist, läuft dieser als %1.</translation>
    </message>
    <message>
        <source>A rolling update replaces its %1 pods; they run as %2 once it is done.</source>
        <translation>Ein Rolling Update ersetzt seine %1 Pods; sobald es abgeschlossen ist, laufen sie als %2.</translation>
    </message>
    <message>
        <source>The permissions and image pull secrets of %1 then apply instead of those of %2.</source>
        <translation>Danach gelten die Berechtigungen und Image-Pull-Secrets von %1 statt derer von %2.</translation>
    </message>
    <message>
        <source>%1 has no deployments, stateful sets, daemon sets or bare pods.</source>
        <translation>%1 hat keine Deployments, StatefulSets, DaemonSets oder eigenständigen Pods.</translation>
    </message>
    <message>
        <source>Choose the workload whose service account changes.</source>
        <translation>Wählen Sie den Workload, dessen Dienstkonto sich ändern soll.</translation>
    </message>
    <message>
        <source>%1 has no service accounts to choose from.</source>
        <translation>%1 hat keine Dienstkonten zur Auswahl.</translation>
    </message>
    <message>
        <source>Choose the service account to run as.</source>
        <translation>Wählen Sie das Dienstkonto, als das er laufen soll.</translation>
    </message>
    <message>
        <source>%1 already runs as %2: choose another service account.</source>
        <translation>%1 läuft bereits als %2: Wählen Sie ein anderes Dienstkonto.</translation>
    </message>
    <message>
        <source>Confirm that the pod may be deleted and created again.</source>
        <translation>Bestätigen Sie, dass der Pod gelöscht und neu erstellt werden darf.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Wird aktualisiert…</translation>
    </message>
    <message>
        <source>Recreating…</source>
        <translation>Wird neu erstellt…</translation>
    </message>
    <message>
        <source>%1 now runs as %2.</source>
        <translation>%1 läuft jetzt als %2.</translation>
    </message>
    <message>
        <source>Its pods change only when they are deleted (update strategy OnDelete).</source>
        <translation>Seine Pods ändern sich erst, wenn sie gelöscht werden (Update-Strategie OnDelete).</translation>
    </message>
    <message>
        <source>It has no pods at the moment.</source>
        <translation>Er hat im Moment keine Pods.</translation>
    </message>
    <message>
        <source>The rolling update is done: its pod runs as %1.</source>
        <translation>Das Rolling Update ist abgeschlossen: Sein Pod läuft als %1.</translation>
    </message>
    <message>
        <source>The rolling update is done: its %1 pods run as %2.</source>
        <translation>Das Rolling Update ist abgeschlossen: Seine %1 Pods laufen als %2.</translation>
    </message>
    <message>
        <source>Pod %1 was deleted and created again.</source>
        <translation>Pod %1 wurde gelöscht und neu erstellt.</translation>
    </message>
    <message>
        <source>The new pod runs as %1.</source>
        <translation>Der neue Pod läuft als %1.</translation>
    </message>
    <message>
        <source>⚠ The server warned: %1</source>
        <translation>⚠ Warnung des Servers: %1</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>sa::ClusterSession</name>
    <message>
        <source>namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>cluster role bindings</source>
        <translation>ClusterRole-Bindungen</translation>
    </message>
    <message>
        <source>cluster roles</source>
        <translation>ClusterRoles</translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <source>service accounts</source>
        <translation>Dienstkonten</translation>
    </message>
    <message>
        <source>secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>stateful sets</source>
        <translation>StatefulSets</translation>
    </message>
    <message>
        <source>daemon sets</source>
        <translation>DaemonSets</translation>
    </message>
    <message>
        <source>role bindings</source>
        <translation>Rollenbindungen</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>token secrets</source>
        <translation>Token-Secrets</translation>
    </message>
</context>
<context>
    <name>sa::CommandLine</name>
    <message>
        <source>Path to the kubeconfig file to use.</source>
        <translation>Pfad zur kubeconfig-Datei.</translation>
    </message>
    <message>
        <source>The kubeconfig context to use.</source>
        <translation>Der zu verwendende kubeconfig-Kontext.</translation>
    </message>
    <message>
        <source>The namespace to use.</source>
        <translation>Der zu verwendende Namespace.</translation>
    </message>
    <message>
        <source>Run against a demo cluster (kube-sim) on this computer.</source>
        <translation>Mit einem Demo-Cluster (kube-sim) auf diesem Rechner starten.</translation>
    </message>
    <message>
        <source>The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h); a bare integer is seconds. A value of zero means don&apos;t timeout requests. Default: 30s.</source>
        <translation>Wie lange auf eine einzelne Anfrage an den Server gewartet wird, bevor sie aufgegeben wird. Werte ungleich null brauchen eine Zeiteinheit (z. B. 1s, 2m, 3h); eine bloße Ganzzahl sind Sekunden. Null heißt: keine Zeitbegrenzung. Standard: 30s.</translation>
    </message>
    <message>
        <source>Administer Kubernetes service accounts, tokens and pull secrets.</source>
        <translation>Kubernetes-Dienstkonten, Tokens und Pull-Secrets verwalten.</translation>
    </message>
</context>
<context>
    <name>sa::CreateServiceAccountDialog</name>
    <message>
        <source>New service account in %1</source>
        <translation>Neues Dienstkonto in %1</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>e.g. ci-deployer</source>
        <translation>z. B. ci-deployer</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>key=value, key2=value2</source>
        <translation>Schlüssel=Wert, Schlüssel2=Wert2</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Cloud identity</source>
        <translation>Cloud-Identität</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>AWS IAM role (EKS)</source>
        <translation>AWS-IAM-Rolle (EKS)</translation>
    </message>
    <message>
        <source>Google service account (GKE)</source>
        <translation>Google-Dienstkonto (GKE)</translation>
    </message>
    <message>
        <source>Azure managed identity or app (Workload ID)</source>
        <translation>Verwaltete Azure-Identität oder App (Workload ID)</translation>
    </message>
    <message>
        <source>Automount token</source>
        <translation>Token automatisch einbinden</translation>
    </message>
    <message>
        <source>Cluster default (mount)</source>
        <translation>Cluster-Standard (einbinden)</translation>
    </message>
    <message>
        <source>Mount into pods</source>
        <translation>In Pods einbinden</translation>
    </message>
    <message>
        <source>Do not mount</source>
        <translation>Nicht einbinden</translation>
    </message>
    <message>
        <source>Image pull secrets</source>
        <translation>Image-Pull-Secrets</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <source>Anno&amp;tations:</source>
        <translation>Anno&amp;tationen:</translation>
    </message>
    <message>
        <source>Cloud &amp;identity:</source>
        <translation>Cloud-&amp;Identität:</translation>
    </message>
    <message>
        <source>Auto&amp;mount token:</source>
        <translation>Token auto&amp;matisch einbinden:</translation>
    </message>
    <message>
        <source>Image &amp;pull secrets:</source>
        <translation>Image-&amp;Pull-Secrets:</translation>
    </message>
    <message>
        <source>(no registry credentials in this namespace)</source>
        <translation>(keine Registry-Zugangsdaten in diesem Namespace)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not key=value.</source>
        <translation>„%1“ hat nicht die Form Schlüssel=Wert.</translation>
    </message>
    <message>
        <source>Choose a namespace.</source>
        <translation>Wählen Sie einen Namespace.</translation>
    </message>
    <message>
        <source>Labels: %1</source>
        <translation>Labels: %1</translation>
    </message>
    <message>
        <source>Annotations: %1</source>
        <translation>Annotationen: %1</translation>
    </message>
    <message>
        <source>Annotations: %1: %2</source>
        <translation>Annotationen: %1: %2</translation>
    </message>
    <message>
        <source>Annotations: %1 is also set under Cloud identity.</source>
        <translation>Annotationen: %1 ist auch unter Cloud-Identität festgelegt.</translation>
    </message>
    <message>
        <source>Cloud identity: %1</source>
        <translation>Cloud-Identität: %1</translation>
    </message>
    <message>
        <source>The service account was not created.</source>
        <translation>Das Dienstkonto wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>The service account may have been created: the list shows it if it was.</source>
        <translation>Das Dienstkonto wurde möglicherweise erstellt: Falls ja, wird es in der Liste angezeigt.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>sa::CredentialExports</name>
    <message>
        <source>They send the token unencrypted (the server is http://).</source>
        <translation>Beide senden das Token unverschlüsselt (der Server verwendet http://).</translation>
    </message>
    <message>
        <source>They do not check the server&apos;s certificate (insecure-skip-tls-verify, as your context).</source>
        <translation>Beide prüfen das Zertifikat des Servers nicht (insecure-skip-tls-verify, wie Ihr Kontext).</translation>
    </message>
    <message>
        <source>They use your proxy without your proxy user name and password: whoever uses them needs their own.</source>
        <translation>Beide verwenden Ihren Proxy ohne Ihren Proxy-Benutzernamen und Ihr Passwort: Wer sie verwendet, benötigt eigene.</translation>
    </message>
</context>
<context>
    <name>sa::Credentials</name>
    <message>
        <source>cannot read the client key: %1</source>
        <translation>Der Client-Schlüssel kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot read the client certificate: it holds no PEM certificate</source>
        <translation>Das Client-Zertifikat kann nicht gelesen werden: Es enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>it holds no PEM private key</source>
        <translation>Er enthält keinen privaten PEM-Schlüssel</translation>
    </message>
    <message>
        <source>it is encrypted with a passphrase; use an unencrypted key</source>
        <translation>Er ist mit einer Passphrase verschlüsselt; verwenden Sie einen unverschlüsselten Schlüssel</translation>
    </message>
    <message>
        <source>%1 keys are not supported (RSA and EC are)</source>
        <translation>%1-Schlüssel werden nicht unterstützt (nur RSA und EC)</translation>
    </message>
    <message>
        <source>these keys are not supported (RSA and EC are)</source>
        <translation>Schlüssel dieser Art werden nicht unterstützt (nur RSA und EC)</translation>
    </message>
    <message>
        <source>cannot read the client certificate: %1</source>
        <translation>Das Client-Zertifikat kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the client key does not match the client certificate</source>
        <translation>Der Client-Schlüssel passt nicht zum Client-Zertifikat</translation>
    </message>
    <message>
        <source>Qt could not load it</source>
        <translation>Qt konnte ihn nicht laden</translation>
    </message>
    <message>
        <source>Install gke-gcloud-auth-plugin (https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin), then run `gcloud container clusters get-credentials CLUSTER` to rewrite this user with its exec credential.</source>
        <translation>Installieren Sie gke-gcloud-auth-plugin (https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin) und führen Sie dann `gcloud container clusters get-credentials CLUSTER` aus, um diesen Benutzer auf eine exec-Anmeldung umzuschreiben.</translation>
    </message>
    <message>
        <source>Convert this kubeconfig with `kubelogin convert-kubeconfig -l azurecli`.</source>
        <translation>Konvertieren Sie diese kubeconfig mit `kubelogin convert-kubeconfig -l azurecli`.</translation>
    </message>
    <message>
        <source>The oidc auth provider is not supported by SA Admin.
Please use the kubelogin (https://github.com/int128/kubelogin) kubectl/client-go credential plugin instead: give this user an exec credential that runs `kubectl oidc-login get-token --oidc-issuer-url=%1 --oidc-client-id=%2`.</source>
        <translation>Der Authentifizierungsanbieter oidc wird von SA Admin nicht unterstützt.
Verwenden Sie stattdessen das kubectl/client-go-Anmelde-Plugin kubelogin (https://github.com/int128/kubelogin): Richten Sie für diesen Benutzer eine exec-Anmeldung ein, die `kubectl oidc-login get-token --oidc-issuer-url=%1 --oidc-client-id=%2` ausführt.</translation>
    </message>
    <message>
        <source>Looked for it in:</source>
        <translation>Gesucht in:</translation>
    </message>
</context>
<context>
    <name>sa::DeleteServiceAccountDialog</name>
    <message>
        <source>Delete %1/%2</source>
        <translation>%1/%2 löschen</translation>
    </message>
    <message>
        <source>Tokens issued for %1 stop working at once.</source>
        <translation>Für %1 ausgestellte Tokens funktionieren sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Its token secrets are deleted with it: %1.</source>
        <translation>Seine Token-Secrets werden mitgelöscht: %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;These run as it and will lose access; new pods of them will be refused:&lt;/b&gt; %1.</source>
        <translation>&lt;b&gt;Diese laufen als dieses Konto und verlieren den Zugriff; ihre neuen Pods werden abgelehnt:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <source>The namespace&apos;s controller creates a new, empty &lt;i&gt;default&lt;/i&gt; account right away.</source>
        <translation>Der Controller des Namespace erstellt sofort ein neues, leeres Konto &lt;i&gt;default&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>The service account was not deleted.</source>
        <translation>Das Dienstkonto wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>The service account may have been deleted: the list shows whether it is still there.</source>
        <translation>Das Dienstkonto wurde möglicherweise gelöscht: Die Liste zeigt, ob es noch vorhanden ist.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>sa::DetailsPane</name>
    <message>
        <source>service accounts</source>
        <translation>Dienstkonten</translation>
    </message>
    <message>
        <source>secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>stateful sets</source>
        <translation>StatefulSets</translation>
    </message>
    <message>
        <source>daemon sets</source>
        <translation>DaemonSets</translation>
    </message>
    <message>
        <source>role bindings</source>
        <translation>Rollenbindungen</translation>
    </message>
    <message>
        <source>cluster role bindings</source>
        <translation>ClusterRole-Bindungen</translation>
    </message>
    <message>
        <source>Image pull secrets</source>
        <translation>Image-Pull-Secrets</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>missing: pods cannot pull with it</source>
        <translation>fehlt: Pods können damit keine Images abrufen</translation>
    </message>
    <message>
        <source>Token secrets (legacy, never expire)</source>
        <translation>Token-Secrets (veraltet, laufen nie ab)</translation>
    </message>
    <message>
        <source> — never used</source>
        <translation> — nie verwendet</translation>
    </message>
    <message>
        <source> — last used %1</source>
        <translation> — zuletzt verwendet am %1</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>anzeigen</translation>
    </message>
    <message>
        <source>Cloud identity</source>
        <translation>Cloud-Identität</translation>
    </message>
    <message>
        <source>Edit identity annotations…</source>
        <translation>Identitäts-Annotationen bearbeiten…</translation>
    </message>
    <message>
        <source>change account</source>
        <translation>Konto ändern</translation>
    </message>
    <message>
        <source>%1/%2 (%3 of %4 ready)</source>
        <translation>%1/%2 (%3 von %4 bereit)</translation>
    </message>
    <message>
        <source>pod/%1 (%2)</source>
        <translation>pod/%1 (%2)</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Verwendet von</translation>
    </message>
    <message>
        <source>nothing runs as this account</source>
        <translation>nichts läuft als dieses Konto</translation>
    </message>
    <message>
        <source>cluster-wide</source>
        <translation>clusterweit</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Role bindings</source>
        <translation>Rollenbindungen</translation>
    </message>
    <message>
        <source>no binding names this account</source>
        <translation>keine Bindung nennt dieses Konto</translation>
    </message>
    <message>
        <source>URL %1</source>
        <translation>URL %1</translation>
    </message>
    <message>
        <source>Asking the server what it may do in %1…</source>
        <translation>Server wird gefragt, was das Konto in %1 darf…</translation>
    </message>
    <message>
        <source>The server would not answer for the account either: %1</source>
        <translation>Auch für das Konto hat der Server keine Antwort gegeben: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer (SelfSubjectRulesReview as the account, in %1; without the bindings that grant it):</source>
        <translation>Antwort des Servers (SelfSubjectRulesReview als das Konto, in %1; ohne die Bindungen, die es gewähren):</translation>
    </message>
    <message>
        <source>The server says this list is incomplete: %1</source>
        <translation>Laut Server ist diese Liste unvollständig: %1</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; und %n weitere</numerusform>
            <numerusform>; und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>SelfSubjectRulesReview as the account in %1</source>
        <translation>SelfSubjectRulesReview als das Konto in %1</translation>
    </message>
    <message>
        <source>Resolved from the cluster&apos;s roles and bindings; not checked with the server.</source>
        <translation>Aus den Rollen und Bindungen des Clusters ermittelt; nicht mit dem Server abgeglichen.</translation>
    </message>
    <message>
        <source>Resolved from the cluster&apos;s roles and bindings; checking with the server (%1)…</source>
        <translation>Aus den Rollen und Bindungen des Clusters ermittelt; Abgleich mit dem Server (%1)…</translation>
    </message>
    <message>
        <source>Resolved from the cluster&apos;s roles and bindings. Not checked with the server: %1</source>
        <translation>Aus den Rollen und Bindungen des Clusters ermittelt. Nicht mit dem Server abgeglichen: %1</translation>
    </message>
    <message>
        <source>Resolved from the cluster&apos;s roles and bindings; the server agrees (%1).</source>
        <translation>Aus den Rollen und Bindungen des Clusters ermittelt; der Server stimmt zu (%1).</translation>
    </message>
    <message>
        <source>it also allows %1</source>
        <translation>sie erlaubt zusätzlich %1</translation>
    </message>
    <message>
        <source>it does not allow %1</source>
        <translation>sie erlaubt %1 nicht</translation>
    </message>
    <message>
        <source>⚠ The server&apos;s answer differs (%1): %2. Shown below: what the cluster&apos;s roles and bindings grant.</source>
        <translation>⚠ Die Antwort des Servers weicht ab (%1): %2. Unten gezeigt: was die Rollen und Bindungen des Clusters gewähren.</translation>
    </message>
    <message>
        <source>The server says its answer is incomplete.</source>
        <translation>Laut Server ist seine Antwort unvollständig.</translation>
    </message>
    <message>
        <source>The server says its answer is incomplete: %1</source>
        <translation>Laut Server ist seine Antwort unvollständig: %1</translation>
    </message>
    <message>
        <source>The server reported: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
    <message>
        <source>The server was asked about %1 only, where the account&apos;s pods run; what it may do in %2 is not checked with the server.</source>
        <translation>Der Server wurde nur zu %1 befragt, wo die Pods des Kontos laufen; was es in %2 darf, wird nicht mit dem Server abgeglichen.</translation>
    </message>
    <message>
        <source>Can do</source>
        <translation>Was es darf</translation>
    </message>
    <message>
        <source>cannot check from the bindings: %1 are not readable</source>
        <translation>kann nicht anhand der Bindungen geprüft werden: %1 sind nicht lesbar</translation>
    </message>
    <message>
        <source>cannot check yet: roles and bindings still loading</source>
        <translation>kann noch nicht geprüft werden: Rollen und Bindungen werden noch geladen</translation>
    </message>
    <message numerus="yes">
        <source>and %n more: %1</source>
        <translation>
            <numerusform>und %n weiteres: %1</numerusform>
            <numerusform>und %n weitere: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>revoke for the whole group…</source>
        <translation>für die ganze Gruppe widerrufen…</translation>
    </message>
    <message>
        <source>Cluster-wide</source>
        <translation>Clusterweit</translation>
    </message>
    <message>
        <source>In %1</source>
        <translation>In %1</translation>
    </message>
    <message>
        <source>nothing beyond what every service account may do</source>
        <translation>nichts über das hinaus, was jedes Dienstkonto darf</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>show all</source>
        <translation>alle anzeigen</translation>
    </message>
    <message>
        <source>Like every service account: API discovery and reviews of itself (%1).</source>
        <translation>Wie jedes Dienstkonto: API-Discovery und Prüfungen der eigenen Rechte (%1).</translation>
    </message>
    <message>
        <source>cannot check: %1 are not readable</source>
        <translation>kann nicht geprüft werden: %1 sind nicht lesbar</translation>
    </message>
    <message>
        <source>cannot check yet: %1 still loading</source>
        <translation>kann noch nicht geprüft werden: %1 werden noch geladen</translation>
    </message>
    <message>
        <source>Issue token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>Pull secrets</source>
        <translation>Pull-Secrets</translation>
    </message>
    <message>
        <source>Token secret</source>
        <translation>Token-Secret</translation>
    </message>
    <message>
        <source>Automount</source>
        <translation>Automatisch einbinden</translation>
    </message>
    <message>
        <source>Grant access</source>
        <translation>Zugriff gewähren</translation>
    </message>
    <message>
        <source>Can it…?</source>
        <translation>Darf es…?</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>default (on)</source>
        <translation>Standard (an)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Automount token</source>
        <translation>Token automatisch einbinden</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Reveal values…</source>
        <translation>Werte anzeigen…</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>show names</source>
        <translation>Namen anzeigen</translation>
    </message>
    <message>
        <source>Referenced by service accounts</source>
        <translation>Referenziert von Dienstkonten</translation>
    </message>
    <message>
        <source> (image pull secret)</source>
        <translation> (Image-Pull-Secret)</translation>
    </message>
    <message>
        <source> (token)</source>
        <translation> (Token)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Select a service account or a secret to see its details.</source>
        <translation>Wählen Sie ein Dienstkonto oder ein Secret aus, um seine Details zu sehen.</translation>
    </message>
</context>
<context>
    <name>sa::DiscoveredResources</name>
    <message>
        <source>discovery gave no answer</source>
        <translation>API-Discovery lieferte keine Antwort</translation>
    </message>
</context>
<context>
    <name>sa::Grant</name>
    <message>
        <source>Group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>(aggregated from ClusterRole %1)</source>
        <translation>(aggregiert aus ClusterRole %1)</translation>
    </message>
    <message>
        <source>(not found: grants nothing)</source>
        <translation>(nicht gefunden: gewährt nichts)</translation>
    </message>
</context>
<context>
    <name>sa::GrantAccessDialog</name>
    <message>
        <source>Grant access to %1/%2</source>
        <translation>Zugriff für %1/%2 gewähren</translation>
    </message>
    <message>
        <source>In %1 (its own namespace)</source>
        <translation>In %1 (sein eigener Namespace)</translation>
    </message>
    <message>
        <source>In another namespace</source>
        <translation>In einem anderen Namespace</translation>
    </message>
    <message>
        <source>Cluster-wide (every namespace)</source>
        <translation>Clusterweit (alle Namespaces)</translation>
    </message>
    <message>
        <source>Choose a namespace</source>
        <translation>Namespace auswählen</translation>
    </message>
    <message>
        <source>Choose a role</source>
        <translation>Rolle auswählen</translation>
    </message>
    <message>
        <source>What the grant adds</source>
        <translation>Was die Gewährung hinzufügt</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Risiken</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Wo:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>&amp;Binding:</source>
        <translation>&amp;Bindung:</translation>
    </message>
    <message>
        <source>Binding</source>
        <translation>Bindung</translation>
    </message>
    <message>
        <source>Binding na&amp;me:</source>
        <translation>Na&amp;me der Bindung:</translation>
    </message>
    <message>
        <source>Binding name</source>
        <translation>Name der Bindung</translation>
    </message>
    <message>
        <source>&amp;Adds:</source>
        <translation>&amp;Fügt hinzu:</translation>
    </message>
    <message>
        <source>Adds</source>
        <translation>Fügt hinzu</translation>
    </message>
    <message>
        <source>R&amp;isks:</source>
        <translation>R&amp;isiken:</translation>
    </message>
    <message>
        <source>%1 (ClusterRole)</source>
        <translation>%1 (ClusterRole)</translation>
    </message>
    <message>
        <source>%1 (Role in %2)</source>
        <translation>%1 (Role in %2)</translation>
    </message>
    <message>
        <source>New binding</source>
        <translation>Neue Bindung</translation>
    </message>
    <message>
        <source>%1 (already includes %2)</source>
        <translation>%1 (enthält %2 bereits)</translation>
    </message>
    <message>
        <source>%1 (1 subject)</source>
        <translation>%1 (1 Subjekt)</translation>
    </message>
    <message>
        <source>%1 (%2 subjects)</source>
        <translation>%1 (%2 Subjekte)</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Choose a role to see what it adds.</source>
        <translation>Wählen Sie eine Rolle, um zu sehen, was sie hinzufügt.</translation>
    </message>
    <message>
        <source>Cannot check what this adds: the roles and bindings could not be read. The server refuses a grant of permissions you do not hold yourself.</source>
        <translation>Es kann nicht geprüft werden, was dies hinzufügt: Die Rollen und Bindungen konnten nicht gelesen werden. Der Server lehnt die Gewährung von Berechtigungen ab, die Sie nicht selbst besitzen.</translation>
    </message>
    <message>
        <source>%1 %2 does not exist: binding it grants nothing.</source>
        <translation>%1 %2 existiert nicht: Eine Bindung daran gewährt nichts.</translation>
    </message>
    <message>
        <source>Adds nothing %1 does not already have.</source>
        <translation>Fügt nichts hinzu, was %1 nicht bereits hat.</translation>
    </message>
    <message>
        <source>Cluster-wide:</source>
        <translation>Clusterweit:</translation>
    </message>
    <message>
        <source>In namespace %1:</source>
        <translation>Im Namespace %1:</translation>
    </message>
    <message>
        <source>None of it is a known risk.</source>
        <translation>Nichts davon ist ein bekanntes Risiko.</translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
    <message>
        <source>Choose the namespace to grant access in.</source>
        <translation>Wählen Sie den Namespace, in dem der Zugriff gewährt werden soll.</translation>
    </message>
    <message>
        <source>Choose the role to grant.</source>
        <translation>Wählen Sie die zu gewährende Rolle.</translation>
    </message>
    <message>
        <source>Enter a name for the new binding.</source>
        <translation>Geben Sie einen Namen für die neue Bindung ein.</translation>
    </message>
    <message>
        <source>The binding name is not valid: %1</source>
        <translation>Der Name der Bindung ist ungültig: %1</translation>
    </message>
    <message>
        <source>%1 is already the name of a binding that grants %2 %3: choose another name.</source>
        <translation>%1 ist bereits der Name einer Bindung, die %2 %3 gewährt: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Access was not granted.</source>
        <translation>Der Zugriff wurde nicht gewährt.</translation>
    </message>
    <message>
        <source>Access may have been granted: the account&apos;s bindings show whether it was.</source>
        <translation>Der Zugriff wurde möglicherweise gewährt: Die Bindungen des Kontos zeigen, ob dies der Fall ist.</translation>
    </message>
    <message>
        <source>Granting…</source>
        <translation>Wird gewährt…</translation>
    </message>
    <message>
        <source>every non-resource URL</source>
        <translation>jede Nicht-Ressourcen-URL</translation>
    </message>
    <message>
        <source>URL %1</source>
        <translation>URL %1</translation>
    </message>
    <message>
        <source>every resource</source>
        <translation>jede Ressource</translation>
    </message>
    <message>
        <source>%1 in every API group</source>
        <translation>%1 in jeder API-Gruppe</translation>
    </message>
    <message>
        <source>%1 named %2</source>
        <translation>%1 mit dem Namen %2</translation>
    </message>
    <message>
        <source>every verb</source>
        <translation>jedes Verb</translation>
    </message>
</context>
<context>
    <name>sa::IdentityAnnotationsDialog</name>
    <message>
        <source>Cloud identity of %1/%2</source>
        <translation>Cloud-Identität von %1/%2</translation>
    </message>
    <message>
        <source>Pods that run as %1 can act as a cloud identity: the cloud&apos;s webhook reads these annotations when a pod starts, so running pods keep what they had. Empty a field to remove its annotation; other annotations stay as they are.</source>
        <translation>Pods, die als %1 laufen, können als Cloud-Identität handeln: Der Webhook der Cloud liest diese Annotationen beim Start eines Pods, laufende Pods behalten also ihren bisherigen Stand. Leeren Sie ein Feld, um seine Annotation zu entfernen; andere Annotationen bleiben unverändert.</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>%1 ⚠</source>
        <translation>%1 ⚠</translation>
    </message>
    <message>
        <source>%1 (set)</source>
        <translation>%1 (gesetzt)</translation>
    </message>
    <message>
        <source>The annotations were not changed.</source>
        <translation>Die Annotationen wurden nicht geändert.</translation>
    </message>
    <message>
        <source>The annotations may have been changed: the details show what they are now.</source>
        <translation>Die Annotationen wurden möglicherweise geändert: Die Details zeigen den aktuellen Stand.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>sa::IdentityFields</name>
    <message>
        <source>What it means</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>%1: required, the other annotations do nothing without it.</source>
        <translation>%1: erforderlich, ohne sie bewirken die anderen Annotationen nichts.</translation>
    </message>
    <message>
        <source>%1: required.</source>
        <translation>%1: erforderlich.</translation>
    </message>
</context>
<context>
    <name>sa::InformerTable</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
</context>
<context>
    <name>sa::IssueTokenDialog</name>
    <message>
        <source>Issue token for %1/%2</source>
        <translation>Token für %1/%2 ausstellen</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Lebensdauer</translation>
    </message>
    <message>
        <source>10 minutes</source>
        <translation>10 Minuten</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>Lifetime in minutes</source>
        <translation>Lebensdauer in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Audiences</source>
        <translation>Zielgruppen (Audiences)</translation>
    </message>
    <message>
        <source>the API server&apos;s (leave empty)</source>
        <translation>die des API-Servers (leer lassen)</translation>
    </message>
    <message>
        <source>Bound to</source>
        <translation>Gebunden an</translation>
    </message>
    <message>
        <source>Nothing (valid until it expires)</source>
        <translation>Nichts (gültig bis zum Ablauf)</translation>
    </message>
    <message>
        <source>A new Secret made for it (revoke by deleting the Secret)</source>
        <translation>Ein eigens dafür erstelltes Secret (Widerruf durch Löschen des Secrets)</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Lebensdauer:</translation>
    </message>
    <message>
        <source>&amp;Audiences:</source>
        <translation>&amp;Zielgruppen:</translation>
    </message>
    <message>
        <source>&amp;Bound to:</source>
        <translation>&amp;Gebunden an:</translation>
    </message>
    <message>
        <source>⚠ A token that lives more than a day is as good as a password for that long. The cluster may also shorten it.</source>
        <translation>⚠ Ein Token, das länger als einen Tag gültig ist, ist für diese Zeit so gut wie ein Passwort. Der Cluster kann die Lebensdauer auch verkürzen.</translation>
    </message>
    <message>
        <source>The server refuses lifetimes under 10 minutes.</source>
        <translation>Der Server lehnt Lebensdauern unter 10 Minuten ab.</translation>
    </message>
    <message>
        <source>No token was issued.</source>
        <translation>Es wurde kein Token ausgestellt.</translation>
    </message>
    <message>
        <source>Requesting…</source>
        <translation>Wird angefordert…</translation>
    </message>
    <message>
        <source>A token may have been issued, but it was never shown to anyone and expires on its own.</source>
        <translation>Möglicherweise wurde ein Token ausgestellt, aber es wurde niemandem angezeigt und läuft von selbst ab.</translation>
    </message>
    <message>
        <source>Deleting secret %1/%2 revokes this token at once.</source>
        <translation>Das Löschen des Secrets %1/%2 widerruft dieses Token sofort.</translation>
    </message>
    <message>
        <source>&amp;Revoke now</source>
        <translation>Jetzt &amp;widerrufen</translation>
    </message>
    <message>
        <source>Deletes secret %1: the cluster refuses the token from then on</source>
        <translation>Löscht das Secret %1: Danach lehnt der Cluster das Token ab</translation>
    </message>
    <message>
        <source>Deleting secret %1/%2…</source>
        <translation>Secret %1/%2 wird gelöscht…</translation>
    </message>
    <message>
        <source>Revoked: secret %1/%2 is deleted, and the cluster refuses this token.</source>
        <translation>Widerrufen: Das Secret %1/%2 ist gelöscht, und der Cluster lehnt dieses Token ab.</translation>
    </message>
    <message>
        <source>Not revoked: %1</source>
        <translation>Nicht widerrufen: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Token for %1/%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;Token für %1/%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>⚠ The server changed the request: %1</source>
        <translation>⚠ Der Server hat die Anfrage geändert: %1</translation>
    </message>
    <message>
        <source>⚠ The server shortened the lifetime to %1 minutes (%2 were asked for).</source>
        <translation>⚠ Der Server hat die Lebensdauer auf %1 Minuten verkürzt (angefordert waren %2).</translation>
    </message>
</context>
<context>
    <name>sa::KubeClient</name>
    <message>
        <source>proxy-url %1 is not supported: Qt speaks to http:// and socks5:// proxies only</source>
        <translation>proxy-url %1 wird nicht unterstützt: Qt kommuniziert nur mit http://- und socks5://-Proxys</translation>
    </message>
    <message>
        <source>the user&apos;s impersonation (%1) holds a control character</source>
        <translation>Die Impersonation des Benutzers (%1) enthält ein Steuerzeichen</translation>
    </message>
</context>
<context>
    <name>sa::Kubeconfig</name>
    <message>
        <source>a map</source>
        <translation>eine Map</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a quoted string</source>
        <translation>einen String in Anführungszeichen</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>einen String</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>%1: expected a map, got %2</source>
        <translation>%1: Map erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>%1: expected a string key, got %2</source>
        <translation>%1: String-Schlüssel erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>%1: expected a list, got %2</source>
        <translation>%1: Liste erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>%1: expected a string, got %2</source>
        <translation>%1: String erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>%1: expected a boolean, got %2</source>
        <translation>%1: Boolescher Wert erwartet, aber %2 gefunden</translation>
    </message>
    <message>
        <source>expected a kubeconfig map at the top level, got %1</source>
        <translation>Auf oberster Ebene wurde eine kubeconfig-Map erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>%1: duplicate name &quot;%2&quot;</source>
        <translation>%1: doppelter Name „%2“</translation>
    </message>
    <message>
        <source>line %1: the file is not a kubeconfig: it is binary or not UTF-8 text (yaml: %2)</source>
        <translation>Zeile %1: Die Datei ist keine kubeconfig: Sie ist binär oder kein UTF-8-Text (yaml: %2)</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
</context>
<context>
    <name>sa::ListPager</name>
    <message>
        <source>expected a %1, got &quot;%2&quot;</source>
        <translation>%1 erwartet, aber „%2“ erhalten</translation>
    </message>
</context>
<context>
    <name>sa::MainWindow</name>
    <message>
        <source>namespaces &quot;%1&quot; not found: the lists stay empty until it is created.</source>
        <translation>Namespace „%1“ nicht gefunden: Die Listen bleiben leer, bis er erstellt wird.</translation>
    </message>
    <message>
        <source>SA Admin</source>
        <translation>SA Admin</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Alle Namespaces</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Clipboard clears in %1 s</source>
        <translation>Zwischenablage wird in %1 s geleert</translation>
    </message>
    <message>
        <source>&amp;New service account…</source>
        <translation>&amp;Neues Dienstkonto…</translation>
    </message>
    <message>
        <source>&amp;Issue token…</source>
        <translation>Token &amp;ausstellen…</translation>
    </message>
    <message>
        <source>Issue a token that expires (TokenRequest)</source>
        <translation>Ein Token mit Ablauf ausstellen (TokenRequest)</translation>
    </message>
    <message>
        <source>New &amp;long-lived token secret…</source>
        <translation>Neues langlebiges &amp;Token-Secret…</translation>
    </message>
    <message>
        <source>Image &amp;pull secrets…</source>
        <translation>Image-&amp;Pull-Secrets…</translation>
    </message>
    <message>
        <source>Attach or detach registry credentials</source>
        <translation>Registry-Zugangsdaten anhängen oder entfernen</translation>
    </message>
    <message>
        <source>Token &amp;automount and pod snippet…</source>
        <translation>Automatische Token-&amp;Einbindung und Pod-Snippet…</translation>
    </message>
    <message>
        <source>&amp;Edit identity annotations…</source>
        <translation>Identitäts-Annotationen &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Select a service account to edit its cloud identity.</source>
        <translation>Wählen Sie ein Dienstkonto aus, um seine Cloud-Identität zu bearbeiten.</translation>
    </message>
    <message>
        <source>The annotations by which the account&apos;s pods act as an AWS, Google Cloud or Azure identity</source>
        <translation>Die Annotationen, mit denen die Pods des Kontos als AWS-, Google-Cloud- oder Azure-Identität handeln</translation>
    </message>
    <message>
        <source>&amp;Change a workload&apos;s service account…</source>
        <translation>Dienstkonto eines Workloads &amp;ändern…</translation>
    </message>
    <message>
        <source>&amp;Grant access…</source>
        <translation>Zugriff &amp;gewähren…</translation>
    </message>
    <message>
        <source>Bind a Role or ClusterRole to the account, after a preview of what it adds</source>
        <translation>Eine Role oder ClusterRole an das Konto binden, nach einer Vorschau dessen, was sie hinzufügt</translation>
    </message>
    <message>
        <source>Can it…?</source>
        <translation>Darf es…?</translation>
    </message>
    <message>
        <source>Ask the server and the bindings whether the account may do something</source>
        <translation>Server und Bindungen fragen, ob das Konto etwas tun darf</translation>
    </message>
    <message>
        <source>&amp;Who can…?</source>
        <translation>&amp;Wer darf…?</translation>
    </message>
    <message>
        <source>&amp;Inspect a token…</source>
        <translation>Token &amp;untersuchen…</translation>
    </message>
    <message>
        <source>Decode any token and ask the cluster whom it takes it for</source>
        <translation>Ein beliebiges Token dekodieren und den Cluster fragen, wem er es zuordnet</translation>
    </message>
    <message>
        <source>Who can &amp;read this?</source>
        <translation>Wer darf das &amp;lesen?</translation>
    </message>
    <message>
        <source>&amp;Reveal values…</source>
        <translation>Werte &amp;anzeigen…</translation>
    </message>
    <message>
        <source>&amp;YAML…</source>
        <translation>&amp;YAML…</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Namen kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Switch context</source>
        <translation>Kontext wechseln</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Service account</source>
        <translation>&amp;Dienstkonto</translation>
    </message>
    <message>
        <source>S&amp;ecret</source>
        <translation>S&amp;ecret</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Clear copied &amp;secrets after…</source>
        <translation>Kopierte &amp;Secrets entfernen nach…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Kubeconfig context</source>
        <translation>kubeconfig-Kontext</translation>
    </message>
    <message>
        <source>Filter by name or label…</source>
        <translation>Nach Name oder Label filtern…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;SA Admin&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;SA Admin&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Open the demo cluster</source>
        <translation>Demo-Cluster öffnen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Read the kubeconfig again and connect (F5)</source>
        <translation>kubeconfig erneut lesen und verbinden (F5)</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Service accounts</source>
        <translation>Dienstkonten</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Only risky accounts</source>
        <translation>Nur riskante Konten</translation>
    </message>
    <message>
        <source>Accounts whose permissions include one of the well-known dangerous ones (the Risk column)</source>
        <translation>Konten, deren Berechtigungen eine der bekannten gefährlichen enthalten (Spalte „Risiko“)</translation>
    </message>
    <message>
        <source>Secret type</source>
        <translation>Secret-Typ</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Hide Helm releases</source>
        <translation>Helm-Releases ausblenden</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Every long-lived token Secret: last use, invalidation, what reads it</source>
        <translation>Alle langlebigen Token-Secrets: letzte Nutzung, Ungültigmachung, wer sie liest</translation>
    </message>
    <message>
        <source>%1 (not allowed)</source>
        <translation>%1 (nicht erlaubt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All namespaces (not allowed)</source>
        <translation>Alle Namespaces (nicht erlaubt)</translation>
    </message>
    <message>
        <source>All namespaces (%1)</source>
        <translation>Alle Namespaces (%1)</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (nicht gefunden)</translation>
    </message>
    <message>
        <source>cluster %1 · user %2 · namespace %3</source>
        <translation>Cluster %1 · Benutzer %2 · Namespace %3</translation>
    </message>
    <message>
        <source>SA Admin — %1</source>
        <translation>SA Admin — %1</translation>
    </message>
    <message>
        <source>The kubeconfig cannot be used (kubectl would stop here too):</source>
        <translation>Die kubeconfig kann nicht verwendet werden (kubectl würde hier ebenfalls abbrechen):</translation>
    </message>
    <message>
        <source>Correct the file and try again, or look around in a demo cluster that runs on this computer.</source>
        <translation>Korrigieren Sie die Datei und versuchen Sie es erneut, oder sehen Sie sich in einem Demo-Cluster um, der auf diesem Computer läuft.</translation>
    </message>
    <message>
        <source>Choose another context, or correct the kubeconfig and try again.</source>
        <translation>Wählen Sie einen anderen Kontext, oder korrigieren Sie die kubeconfig und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>SA Admin — %1 (not connected)</source>
        <translation>SA Admin — %1 (nicht verbunden)</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <source>● Connecting to %1… (%2 of %3 lists loaded)</source>
        <translation>● Verbindung zu %1 wird hergestellt… (%2 von %3 Listen geladen)</translation>
    </message>
    <message>
        <source>● Connected%1</source>
        <translation>● Verbunden%1</translation>
    </message>
    <message>
        <source>● Reconnecting to %1…</source>
        <translation>● Verbindung zu %1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>● Not connected: %1</source>
        <translation>● Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Could not read the resources the server offers (%1); the permission dialogs offer common ones.</source>
        <translation>Die vom Server angebotenen Ressourcen konnten nicht gelesen werden (%1); die Berechtigungsdialoge bieten gängige an.</translation>
    </message>
    <message>
        <source>The server did not list the resources of %1 (%2); the permission dialogs offer the others.</source>
        <translation>Der Server hat die Ressourcen von %1 nicht aufgelistet (%2); die Berechtigungsdialoge bieten die übrigen an.</translation>
    </message>
    <message>
        <source>Select the service account to grant access to.</source>
        <translation>Wählen Sie das Dienstkonto aus, dem Zugriff gewährt werden soll.</translation>
    </message>
    <message>
        <source>Select the service account to ask about.</source>
        <translation>Wählen Sie das Dienstkonto aus, zu dem Sie eine Frage haben.</translation>
    </message>
    <message>
        <source>Select a secret to see who can read it.</source>
        <translation>Wählen Sie ein Secret aus, um zu sehen, wer es lesen darf.</translation>
    </message>
    <message>
        <source>Created service account %1</source>
        <translation>Dienstkonto %1 erstellt</translation>
    </message>
    <message>
        <source>Select a service account to issue a token for.</source>
        <translation>Wählen Sie ein Dienstkonto aus, für das ein Token ausgestellt werden soll.</translation>
    </message>
    <message>
        <source>Select a service account to make a token secret for.</source>
        <translation>Wählen Sie ein Dienstkonto aus, für das ein Token-Secret erstellt werden soll.</translation>
    </message>
    <message>
        <source>Select a service account to change its image pull secrets.</source>
        <translation>Wählen Sie ein Dienstkonto aus, um seine Image-Pull-Secrets zu ändern.</translation>
    </message>
    <message>
        <source>Select a service account to change its token automount.</source>
        <translation>Wählen Sie ein Dienstkonto aus, um das automatische Einbinden seines Tokens zu ändern.</translation>
    </message>
    <message>
        <source>Select a secret to reveal its values.</source>
        <translation>Wählen Sie ein Secret aus, um seine Werte anzuzeigen.</translation>
    </message>
    <message>
        <source>Select a service account or a secret to see its YAML.</source>
        <translation>Wählen Sie ein Dienstkonto oder ein Secret aus, um sein YAML zu sehen.</translation>
    </message>
    <message>
        <source>Select a namespace or a service account first.</source>
        <translation>Wählen Sie zuerst einen Namespace oder ein Dienstkonto aus.</translation>
    </message>
    <message>
        <source>Select the service account to revoke a permission of.</source>
        <translation>Wählen Sie das Dienstkonto aus, dem eine Berechtigung entzogen werden soll.</translation>
    </message>
    <message>
        <source>Binding %1 is gone already.</source>
        <translation>Bindung %1 existiert bereits nicht mehr.</translation>
    </message>
    <message>
        <source>Binding %1 no longer names %2.</source>
        <translation>Bindung %1 nennt %2 nicht mehr.</translation>
    </message>
    <message>
        <source>Select a service account to delete.</source>
        <translation>Wählen Sie ein Dienstkonto zum Löschen aus.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About SA Admin</source>
        <translation>&amp;Über SA Admin</translation>
    </message>
</context>
<context>
    <name>sa::MessageBar</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>The server&apos;s whole sentence for each list</source>
        <translation>Der vollständige Satz des Servers zu jeder Liste</translation>
    </message>
    <message>
        <source>Show message details</source>
        <translation>Meldungsdetails anzeigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>sa::Operation</name>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Neuer Versuch in %n s…</numerusform>
            <numerusform>Neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <source>Trying again…</source>
        <translation>Neuer Versuch…</translation>
    </message>
    <message>
        <source>The server lists no API groups.</source>
        <translation>Der Server listet keine API-Gruppen auf.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a group version</source>
        <translation>„%1“ ist keine Gruppenversion</translation>
    </message>
    <message>
        <source>the answer is not an APIResourceList</source>
        <translation>Die Antwort ist keine APIResourceList</translation>
    </message>
    <message>
        <source>Binding %1 grants %2 %3, not %4 %5: choose another name.</source>
        <translation>Bindung %1 gewährt %2 %3, nicht %4 %5: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts: the binding kept changing meanwhile. Try again.</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben: Die Bindung wurde zwischenzeitlich immer wieder geändert. Versuchen Sie es erneut.</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben: Die Bindung wurde zwischenzeitlich immer wieder geändert. Versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the cluster was closed.</source>
        <translation>Die Verbindung zum Cluster wurde geschlossen.</translation>
    </message>
    <message>
        <source>Canceled part-way: %1 of %2 changes made, the rest not made.</source>
        <translation>Mittendrin abgebrochen: %1 von %2 Änderungen vorgenommen, die übrigen nicht.</translation>
    </message>
    <message>
        <source>the TokenRequest came back without a token</source>
        <translation>Der TokenRequest lieferte kein Token</translation>
    </message>
    <message>
        <source>Secret %1/%2 is not a service-account token (its type is not %3).</source>
        <translation>Secret %1/%2 ist kein Dienstkonto-Token (sein Typ ist nicht %3).</translation>
    </message>
    <message>
        <source>the review came back without status%1</source>
        <translation>Die Review-Antwort enthält kein status%1</translation>
    </message>
    <message>
        <source>the secret has no name or a value that is not base64</source>
        <translation>Das Secret hat keinen Namen oder einen Wert, der kein Base64 ist</translation>
    </message>
    <message>
        <source>A registry server, a user name and a password are all required.</source>
        <translation>Registry-Server, Benutzername und Passwort sind alle erforderlich.</translation>
    </message>
    <message>
        <source>the answer is not a Pod</source>
        <translation>Die Antwort ist kein Pod</translation>
    </message>
    <message>
        <source>Pod %1 is managed by %2 %3, which would replace a recreated pod with its own template. Change the service account of its owner (for a Deployment, its pod template) instead.</source>
        <translation>Pod %1 wird von %2 %3 verwaltet, und dieser Besitzer würde einen neu erstellten Pod durch einen Pod aus seinem eigenen Template ersetzen. Ändern Sie stattdessen das Dienstkonto des Besitzers (bei einem Deployment dessen Pod-Template).</translation>
    </message>
    <message>
        <source>Deleted pod %1/%2, waiting for it to go</source>
        <translation>Pod %1/%2 gelöscht; warten, bis er verschwunden ist</translation>
    </message>
    <message>
        <source>Pod %1 was deleted, but checking that it is gone failed: %2</source>
        <translation>Pod %1 wurde gelöscht, aber die Prüfung, ob er verschwunden ist, ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Pod %1 was deleted, and someone else created a pod of that name meanwhile.</source>
        <translation>Pod %1 wurde gelöscht, und zwischenzeitlich hat jemand anderes einen Pod mit diesem Namen erstellt.</translation>
    </message>
    <message>
        <source>Pod %1 was deleted but is still terminating after %2 s (a finalizer?); it was not created again.</source>
        <translation>Pod %1 wurde gelöscht, wird aber nach %2 s immer noch beendet (ein Finalizer?); er wurde nicht neu erstellt.</translation>
    </message>
    <message>
        <source>The pod with service account %1 was refused: %2</source>
        <translation>Der Pod mit dem Dienstkonto %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>The original pod was created again.</source>
        <translation>Der ursprüngliche Pod wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Creating the original pod again failed too: %1</source>
        <translation>Auch das Wiederherstellen des ursprünglichen Pods ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts: the service account kept changing meanwhile. Try again.</source>
        <translation>
            <numerusform>Nach %n Versuch aufgegeben: Das Dienstkonto wurde zwischenzeitlich immer wieder geändert. Versuchen Sie es erneut.</numerusform>
            <numerusform>Nach %n Versuchen aufgegeben: Das Dienstkonto wurde zwischenzeitlich immer wieder geändert. Versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Secret %1/%2 names no service account (%3).</source>
        <translation>Secret %1/%2 nennt kein Dienstkonto (%3).</translation>
    </message>
    <message>
        <source>The token controller deleted secret %1/%2: service account %1/%3 no longer exists.</source>
        <translation>Der Token-Controller hat das Secret %1/%2 gelöscht: Das Dienstkonto %1/%3 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>secret %1 could not be read</source>
        <translation>Secret %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The token controller did not fill secret %1 within %2 s; the empty secret was deleted again. Is the token controller (kube-controller-manager) running?</source>
        <translation>Der Token-Controller hat das Secret %1 nicht innerhalb von %2 s befüllt; das leere Secret wurde wieder gelöscht. Läuft der Token-Controller (kube-controller-manager)?</translation>
    </message>
    <message>
        <source>The token controller did not fill secret %1 within %2 s, and deleting the empty secret failed: %3</source>
        <translation>Der Token-Controller hat das Secret %1 nicht innerhalb von %2 s befüllt, und das Löschen des leeren Secrets ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>the answer is not a %1</source>
        <translation>Die Antwort ist kein %1</translation>
    </message>
    <message>
        <source>%1: the pods running now keep their service account until they are deleted.</source>
        <translation>%1: Die derzeit laufenden Pods behalten ihr Dienstkonto, bis sie gelöscht werden.</translation>
    </message>
    <message>
        <source>The rollout did not finish within %1 s: %2</source>
        <translation>Das Rollout wurde nicht innerhalb von %1 s abgeschlossen: %2</translation>
    </message>
    <message>
        <source>A %1 has no pod template to change.</source>
        <translation>Ein %1 hat kein Pod-Template, das geändert werden könnte.</translation>
    </message>
    <message>
        <source>Stopped at change %1 of %2: the changes before it were made, none after it.</source>
        <translation>Bei Änderung %1 von %2 angehalten: Die Änderungen davor wurden vorgenommen, keine danach.</translation>
    </message>
    <message>
        <source>Secret %1/%2 was created, but reading its token failed: %3</source>
        <translation>Das Secret %1/%2 wurde angelegt, aber sein Token konnte nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>sa::PermissionQuestion</name>
    <message>
        <source>optional: any object</source>
        <translation>optional: beliebiges Objekt</translation>
    </message>
    <message>
        <source>&amp;Verb:</source>
        <translation>&amp;Verb:</translation>
    </message>
    <message>
        <source>Verb</source>
        <translation>Verb</translation>
    </message>
    <message>
        <source>&amp;Resource:</source>
        <translation>&amp;Ressource:</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>&amp;Subresource:</source>
        <translation>&amp;Unterressource:</translation>
    </message>
    <message>
        <source>Subresource</source>
        <translation>Unterressource</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>Object name</source>
        <translation>Objektname</translation>
    </message>
</context>
<context>
    <name>sa::PluginSearch</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>it did not answer within %1 s and was stopped</source>
        <translation>sie hat nicht innerhalb von %1 s geantwortet und wurde beendet</translation>
    </message>
    <message>
        <source>it ended without printing its PATH (killed by a signal)</source>
        <translation>sie endete, ohne ihren PATH auszugeben (durch ein Signal beendet)</translation>
    </message>
    <message>
        <source>it ended without printing its PATH (exit code %1)</source>
        <translation>sie endete, ohne ihren PATH auszugeben (Exit-Code %1)</translation>
    </message>
    <message>
        <source>it could not be started: %1</source>
        <translation>sie konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>PATH: %1</source>
        <translation>PATH: %1</translation>
    </message>
    <message>
        <source>the login shell&apos;s PATH: not used (turned off in the preferences)</source>
        <translation>PATH der Login-Shell: nicht verwendet (in den Einstellungen ausgeschaltet)</translation>
    </message>
    <message>
        <source>the login shell&apos;s PATH: not read yet</source>
        <translation>PATH der Login-Shell: noch nicht gelesen</translation>
    </message>
    <message>
        <source>the login shell&apos;s PATH: not read from %1 -l: %2</source>
        <translation>PATH der Login-Shell: nicht aus %1 -l gelesen: %2</translation>
    </message>
    <message>
        <source>the login shell&apos;s PATH (%1 -l), beyond the above: %2</source>
        <translation>PATH der Login-Shell (%1 -l), über den obigen hinaus: %2</translation>
    </message>
    <message>
        <source>the plugin folders of the preferences: %1</source>
        <translation>Plugin-Ordner aus den Einstellungen: %1</translation>
    </message>
</context>
<context>
    <name>sa::PreferencesDialog</name>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Confirm before destructive actions</source>
        <translation>Vor zerstörenden Aktionen nachfragen</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Clear copied secrets after</source>
        <translation>Kopierte Secrets entfernen nach</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default token lifetime</source>
        <translation>Standard-Lebensdauer von Tokens</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>More folders with credential plugins</source>
        <translation>Weitere Ordner mit Anmelde-Plugins</translation>
    </message>
    <message>
        <source>One folder a line, e.g. ~/google-cloud-sdk/bin</source>
        <translation>Ein Ordner pro Zeile, z. B. ~/google-cloud-sdk/bin</translation>
    </message>
    <message>
        <source>Also search my login shell&apos;s PATH (%1)</source>
        <translation>Auch im PATH meiner Login-Shell suchen (%1)</translation>
    </message>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>C&amp;lear copied secrets after:</source>
        <translation>Kopierte Secrets &amp;entfernen nach:</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>&amp;Default lifetime of an issued token:</source>
        <translation>&amp;Standard-Lebensdauer eines ausgestellten Tokens:</translation>
    </message>
    <message>
        <source>Credential plugins</source>
        <translation>Anmelde-Plugins</translation>
    </message>
    <message>
        <source>A kubeconfig user&apos;s exec command without a path (aws, gke-gcloud-auth-plugin, kubelogin) is looked for on SA Admin&apos;s PATH as kubectl looks, then on your login shell&apos;s PATH (read once, in the background; started from the desktop menu, SA Admin&apos;s PATH is often shorter than a terminal&apos;s), then in these folders.</source>
        <translation>Der exec-Befehl eines kubeconfig-Benutzers ohne Pfad (aws, gke-gcloud-auth-plugin, kubelogin) wird wie bei kubectl im PATH von SA Admin gesucht, dann im PATH Ihrer Login-Shell (einmal im Hintergrund gelesen; aus dem Desktop-Menü gestartet ist der PATH von SA Admin oft kürzer als der eines Terminals), dann in diesen Ordnern.</translation>
    </message>
    <message>
        <source>&amp;More folders:</source>
        <translation>&amp;Weitere Ordner:</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Rückfragen</translation>
    </message>
    <message>
        <source>Asks before a deletion that follows another action: the old token after Rotate. Dialogs that delete or replace something always show what goes first, with Cancel as the default button.</source>
        <translation>Fragt vor einer Löschung nach, die auf eine andere Aktion folgt: das alte Token nach dem Rotieren. Dialoge, die etwas löschen oder ersetzen, zeigen immer zuerst, was wegfällt, mit „Abbrechen“ als Standardschaltfläche.</translation>
    </message>
    <message>
        <source>Enter the seconds after which a copied secret is cleared.</source>
        <translation>Geben Sie die Sekunden ein, nach denen ein kopiertes Secret entfernt wird.</translation>
    </message>
    <message>
        <source>Enter the default lifetime of an issued token in minutes.</source>
        <translation>Geben Sie die Standard-Lebensdauer eines ausgestellten Tokens in Minuten ein.</translation>
    </message>
</context>
<context>
    <name>sa::ProblemGroups</name>
    <message>
        <source>Not allowed to list %1: %2</source>
        <translation>Keine Berechtigung zum Auflisten von %1: %2</translation>
    </message>
    <message>
        <source>The cluster does not serve %1: %2</source>
        <translation>Der Cluster stellt %1 nicht bereit: %2</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Retrying…</source>
        <translation>Neuer Versuch…</translation>
    </message>
    <message>
        <source>Cannot list %1: %2</source>
        <translation>%1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>A list of resources: &quot;secrets, pods and role bindings&quot;.</extracomment>
        <translation>%1 und %2</translation>
    </message>
</context>
<context>
    <name>sa::ProjectedTokenDialog</name>
    <message>
        <source>Pod spec fragment</source>
        <translation>Pod-Spec-Fragment</translation>
    </message>
    <message>
        <source>Copied. Put it in the pod template, roll the workload, then invalidate the old token.</source>
        <translation>Kopiert. Fügen Sie es in das Pod-Template ein, rollen Sie den Workload neu aus und machen Sie dann das alte Token ungültig.</translation>
    </message>
    <message>
        <source>Replace %1 by a projected token</source>
        <translation>%1 durch ein projiziertes Token ersetzen</translation>
    </message>
    <message>
        <source>A projected service-account token replaces the long-lived token %1: the kubelet requests it for the pod, bound to that pod, valid for the lifetime below and renewed before it runs out; it dies with the pod. Put this fragment in the pod template (the workload&apos;s manifest), roll the workload out, and once nothing reads %1 any more, invalidate or delete it.</source>
        <translation>Ein projiziertes Dienstkonto-Token ersetzt das langlebige Token %1: Das Kubelet fordert es für den Pod an, an diesen Pod gebunden, gültig für die unten angegebene Lebensdauer und vor deren Ablauf erneuert; es endet mit dem Pod. Fügen Sie dieses Fragment in das Pod-Template (das Manifest des Workloads) ein, rollen Sie den Workload neu aus, und sobald nichts mehr %1 liest, machen Sie es ungültig oder löschen Sie es.</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>For &amp;pod:</source>
        <translation>Für &amp;Pod:</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe (Audience)</translation>
    </message>
    <message>
        <source>the API server&apos;s (leave empty to call the Kubernetes API)</source>
        <translation>die des API-Servers (leer lassen, um die Kubernetes-API aufzurufen)</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <source>Lifetime in seconds</source>
        <translation>Lebensdauer in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Lebensdauer:</translation>
    </message>
    <message>
        <source>volume %1</source>
        <translation>Volume %1</translation>
    </message>
    <message>
        <source>variable %1 of container %2</source>
        <translation>Variable %1 von Container %2</translation>
    </message>
    <message>
        <source>envFrom of container %1 (remove it: the token is read from the file)</source>
        <translation>envFrom von Container %1 (entfernen Sie es: Das Token wird aus der Datei gelesen)</translation>
    </message>
    <message>
        <source>This pod does not read %1 any more.</source>
        <translation>Dieser Pod liest %1 nicht mehr.</translation>
    </message>
    <message>
        <source>Replaces: %1.</source>
        <translation>Ersetzt: %1.</translation>
    </message>
</context>
<context>
    <name>sa::PullSecretsDialog</name>
    <message>
        <source>Image pull secrets of %1/%2</source>
        <translation>Image-Pull-Secrets von %1/%2</translation>
    </message>
    <message>
        <source>Image pull secrets</source>
        <translation>Image-Pull-Secrets</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>&amp;New registry secret…</source>
        <translation>&amp;Neues Registry-Secret…</translation>
    </message>
    <message>
        <source>New registry secret</source>
        <translation>Neues Registry-Secret</translation>
    </message>
    <message>
        <source>&amp;Registry credentials:</source>
        <translation>&amp;Registry-Zugangsdaten:</translation>
    </message>
    <message>
        <source>New pods that run as %1 get these secrets; pods already running keep the ones they started with.</source>
        <translation>Neue Pods, die als %1 laufen, erhalten diese Secrets; bereits laufende Pods behalten die, mit denen sie gestartet wurden.</translation>
    </message>
    <message>
        <source>Running without some of them: %1.</source>
        <translation>Ohne einige davon laufen: %1.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>sa::RegistrySecretDialog</name>
    <message>
        <source>New registry secret in %1</source>
        <translation>Neues Registry-Secret in %1</translation>
    </message>
    <message>
        <source>Secret &amp;name:</source>
        <translation>&amp;Name des Secrets:</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Name des Secrets</translation>
    </message>
    <message>
        <source>Registry &amp;server:</source>
        <translation>Registry-&amp;Server:</translation>
    </message>
    <message>
        <source>Registry server</source>
        <translation>Registry-Server</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <source>Password or token</source>
        <translation>Passwort oder Token</translation>
    </message>
    <message>
        <source>&amp;E-mail (optional):</source>
        <translation>&amp;E-Mail (optional):</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>%1 already has a secret named %2.</source>
        <translation>%1 hat bereits ein Secret namens %2.</translation>
    </message>
    <message>
        <source>Enter the registry server, e.g. registry.example.com or https://index.docker.io/v1/.</source>
        <translation>Geben Sie den Registry-Server ein, z. B. registry.example.com oder https://index.docker.io/v1/.</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Geben Sie den Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Enter the password or access token.</source>
        <translation>Geben Sie das Passwort oder Zugriffstoken ein.</translation>
    </message>
    <message>
        <source>The registry secret was not created.</source>
        <translation>Das Registry-Secret wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>The registry secret may have been created: the list of secrets shows it if it was.</source>
        <translation>Das Registry-Secret wurde möglicherweise erstellt: Die Liste der Secrets zeigt es, falls ja.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>sa::ResourceFields</name>
    <message>
        <source>optional, e.g. log, exec, token</source>
        <translation>optional, z. B. log, exec, token</translation>
    </message>
    <message>
        <source>Cluster-wide: %1 are not namespaced</source>
        <translation>Clusterweit: %1 sind nicht an einen Namespace gebunden</translation>
    </message>
</context>
<context>
    <name>sa::RevocableToken</name>
    <message>
        <source>%1 Secret %2/%3, made for the token, could not be deleted: %4</source>
        <translation>%1 Das Secret %2/%3, das für das Token angelegt wurde, konnte nicht gelöscht werden: %4</translation>
    </message>
</context>
<context>
    <name>sa::RevokeDialog</name>
    <message>
        <source>service account %1/%2</source>
        <translation>Dienstkonto %1/%2</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <source>every authenticated user and service account of the cluster</source>
        <translation>jeden authentifizierten Benutzer und jedes Dienstkonto des Clusters</translation>
    </message>
    <message>
        <source>every service account of the cluster</source>
        <translation>jedes Dienstkonto des Clusters</translation>
    </message>
    <message>
        <source>every service account of namespace %1</source>
        <translation>jedes Dienstkonto im Namespace %1</translation>
    </message>
    <message>
        <source>every member of the group</source>
        <translation>jedes Mitglied der Gruppe</translation>
    </message>
    <message>
        <source>ClusterRoleBinding %1</source>
        <translation>ClusterRoleBinding %1</translation>
    </message>
    <message>
        <source>RoleBinding %1/%2</source>
        <translation>RoleBinding %1/%2</translation>
    </message>
    <message>
        <source>Revoke %1 %2</source>
        <translation>%1 %2 widerrufen</translation>
    </message>
    <message>
        <source>Remove %1 from %2, which grants %3 %4 %5.</source>
        <translation>%1 wird aus %2 entfernt, die %3 %4 %5 gewährt.</translation>
    </message>
    <message>
        <source>cluster-wide</source>
        <translation>clusterweit</translation>
    </message>
    <message>
        <source>in namespace %1</source>
        <translation>im Namespace %1</translation>
    </message>
    <message>
        <source>It is the binding&apos;s only subject: the binding is deleted.</source>
        <translation>Es ist das einzige Subjekt der Bindung: Die Bindung wird gelöscht.</translation>
    </message>
    <message>
        <source>Its other subject keeps it.</source>
        <translation>Die Bindung bleibt für ihr anderes Subjekt bestehen.</translation>
    </message>
    <message>
        <source>Its %1 other subjects keep it.</source>
        <translation>Die Bindung bleibt für ihre %1 anderen Subjekte bestehen.</translation>
    </message>
    <message>
        <source>%1 has this permission through the group %2. Revoking it there takes it from %3, not from this account alone.</source>
        <translation>%1 hat diese Berechtigung über die Gruppe %2. Ein Widerruf dort entzieht sie nicht nur diesem Konto, sondern betrifft %3.</translation>
    </message>
    <message>
        <source>Tokens already issued keep working, but every request they make is checked against the bindings as they are then: the permission ends at once.</source>
        <translation>Bereits ausgestellte Tokens funktionieren weiter, aber jede ihrer Anfragen wird gegen die dann gültigen Bindungen geprüft: Die Berechtigung endet sofort.</translation>
    </message>
    <message>
        <source>Take it from %1</source>
        <translation>Berechtigung für %1 entziehen</translation>
    </message>
    <message>
        <source>&amp;Delete binding</source>
        <translation>Bindung &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Confirm that every member of %1 loses it.</source>
        <translation>Bestätigen Sie, dass jedes Mitglied von %1 die Berechtigung verliert.</translation>
    </message>
    <message>
        <source>Access was not revoked.</source>
        <translation>Der Zugriff wurde nicht widerrufen.</translation>
    </message>
    <message>
        <source>Access may have been revoked: the account&apos;s bindings show whether it was.</source>
        <translation>Der Zugriff wurde möglicherweise widerrufen: Die Bindungen des Kontos zeigen, ob dies der Fall ist.</translation>
    </message>
    <message>
        <source>Revoking…</source>
        <translation>Wird widerrufen…</translation>
    </message>
</context>
<context>
    <name>sa::Risks</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Every verb on every resource</source>
        <translation>Jedes Verb auf jeder Ressource</translation>
    </message>
    <message>
        <source>Wildcards grant every action on every kind of object, including kinds added to the cluster later.</source>
        <translation>Wildcards gewähren jede Aktion auf jeder Art von Objekt, auch auf Arten, die dem Cluster später hinzugefügt werden.</translation>
    </message>
    <message>
        <source>Read secrets</source>
        <translation>Secrets lesen</translation>
    </message>
    <message>
        <source>Reading secrets in every namespace reveals the tokens of every service account, including the most privileged ones; list and watch return the values too.</source>
        <translation>Das Lesen von Secrets in allen Namespaces legt die Tokens aller Dienstkonten offen, auch die der am höchsten privilegierten; list und watch liefern die Werte ebenfalls.</translation>
    </message>
    <message>
        <source>Reading secrets reveals the tokens and credentials of the namespace, including those of more privileged accounts; list and watch return the values too.</source>
        <translation>Das Lesen von Secrets legt die Tokens und Zugangsdaten des Namespace offen, auch die höher privilegierter Konten; list und watch liefern die Werte ebenfalls.</translation>
    </message>
    <message>
        <source>Create pods or workloads</source>
        <translation>Pods oder Workloads erstellen</translation>
    </message>
    <message>
        <source>Whoever creates a pod, directly or through a workload, can run it as any service account of the namespace and mount its secrets, config maps and volumes.</source>
        <translation>Wer einen Pod erstellt, direkt oder über einen Workload, kann ihn als beliebiges Dienstkonto des Namespace ausführen und dessen Secrets, ConfigMaps und Volumes einbinden.</translation>
    </message>
    <message>
        <source>Exec into pods</source>
        <translation>Befehle in Pods ausführen (exec)</translation>
    </message>
    <message>
        <source>Running commands in or attaching to a pod gives its service account, its secrets and its files.</source>
        <translation>Wer Befehle in einem Pod ausführt oder sich an ihn anhängt, erhält sein Dienstkonto, seine Secrets und seine Dateien.</translation>
    </message>
    <message>
        <source>Add ephemeral containers</source>
        <translation>Ephemere Container hinzufügen</translation>
    </message>
    <message>
        <source>Adding an ephemeral container to a running pod runs new code with its service account and volumes.</source>
        <translation>Ein ephemerer Container in einem laufenden Pod führt neuen Code mit dessen Dienstkonto und Volumes aus.</translation>
    </message>
    <message>
        <source>Proxy to kubelets</source>
        <translation>Proxy zu Kubelets</translation>
    </message>
    <message>
        <source>The kubelet API behind nodes/proxy runs commands in any pod of the node, bypassing audit and admission.</source>
        <translation>Die Kubelet-API hinter nodes/proxy führt Befehle in jedem Pod des Knotens aus, an Audit und Admission vorbei.</translation>
    </message>
    <message>
        <source>Escalate roles</source>
        <translation>Rollen eskalieren</translation>
    </message>
    <message>
        <source>The escalate verb lets a role be given permissions its editor does not hold, up to cluster-admin.</source>
        <translation>Mit dem Verb escalate kann eine Rolle Berechtigungen erhalten, die ihr Bearbeiter selbst nicht besitzt, bis hin zu cluster-admin.</translation>
    </message>
    <message>
        <source>Bind roles</source>
        <translation>Rollen binden</translation>
    </message>
    <message>
        <source>The bind verb lets a binding grant a role its creator does not hold, such as cluster-admin.</source>
        <translation>Mit dem Verb bind kann eine Bindung eine Rolle gewähren, die ihr Ersteller selbst nicht besitzt, etwa cluster-admin.</translation>
    </message>
    <message>
        <source>Impersonate</source>
        <translation>Identitätswechsel (impersonate)</translation>
    </message>
    <message>
        <source>Impersonating users, groups or service accounts acts with their permissions, system:masters included.</source>
        <translation>Wer sich als Benutzer, Gruppe oder Dienstkonto ausgibt, handelt mit deren Berechtigungen, system:masters eingeschlossen.</translation>
    </message>
    <message>
        <source>Issue service account tokens</source>
        <translation>Dienstkonto-Tokens ausstellen</translation>
    </message>
    <message>
        <source>Requesting tokens for service accounts lets one act as any account of the namespace.</source>
        <translation>Wer Tokens für Dienstkonten anfordert, kann als beliebiges Konto des Namespace handeln.</translation>
    </message>
    <message>
        <source>Create secrets</source>
        <translation>Secrets erstellen</translation>
    </message>
    <message>
        <source>A new service-account-token secret is filled with a long-lived token of any account of the namespace.</source>
        <translation>Ein neues Token-Secret (service-account-token) wird mit einem langlebigen Token eines beliebigen Kontos des Namespace befüllt.</translation>
    </message>
    <message>
        <source>Request certificates</source>
        <translation>Zertifikate anfordern</translation>
    </message>
    <message>
        <source>Certificate signing requests, once approved, give client certificates for any user or group named in them.</source>
        <translation>Genehmigte Certificate Signing Requests liefern Client-Zertifikate für beliebige darin genannte Benutzer oder Gruppen.</translation>
    </message>
    <message>
        <source>Approve certificates</source>
        <translation>Zertifikate genehmigen</translation>
    </message>
    <message>
        <source>Approving certificate signing requests issues credentials for any identity, system:masters included.</source>
        <translation>Wer Certificate Signing Requests genehmigt, stellt Zugangsdaten für beliebige Identitäten aus, system:masters eingeschlossen.</translation>
    </message>
    <message>
        <source>Mutating admission webhooks</source>
        <translation>Mutierende Admission-Webhooks</translation>
    </message>
    <message>
        <source>A mutating webhook sees and can change every object admitted, secrets and pods included.</source>
        <translation>Ein mutierender Webhook sieht jedes zugelassene Objekt und kann es ändern, Secrets und Pods eingeschlossen.</translation>
    </message>
    <message>
        <source>Validating admission webhooks</source>
        <translation>Validierende Admission-Webhooks</translation>
    </message>
    <message>
        <source>A validating webhook sees every object admitted, secrets included, and can disable policy checks.</source>
        <translation>Ein validierender Webhook sieht jedes zugelassene Objekt, Secrets eingeschlossen, und kann Richtlinienprüfungen außer Kraft setzen.</translation>
    </message>
    <message>
        <source>Create persistent volumes</source>
        <translation>PersistentVolumes erstellen</translation>
    </message>
    <message>
        <source>A hostPath persistent volume gives pods that claim it the node&apos;s file system.</source>
        <translation>Ein hostPath-PersistentVolume gibt Pods, die es beanspruchen, Zugriff auf das Dateisystem des Knotens.</translation>
    </message>
    <message>
        <source>Change namespaces</source>
        <translation>Namespaces ändern</translation>
    </message>
    <message>
        <source>Namespace labels decide Pod Security enforcement and network policies: changing them can switch those off.</source>
        <translation>Namespace-Labels bestimmen die Durchsetzung von Pod Security und die Netzwerkrichtlinien: Wer sie ändert, kann diese abschalten.</translation>
    </message>
    <message>
        <source>cluster-admin bound cluster-wide is full control of the cluster.</source>
        <translation>cluster-admin, clusterweit gebunden, bedeutet volle Kontrolle über den Cluster.</translation>
    </message>
    <message>
        <source>cluster-admin bound in a namespace is full control of it, its secrets and its roles included.</source>
        <translation>cluster-admin, in einem Namespace gebunden, bedeutet volle Kontrolle über diesen, einschließlich seiner Secrets und Rollen.</translation>
    </message>
    <message>
        <source>Members of system:masters bypass RBAC entirely; no binding can take that away.</source>
        <translation>Mitglieder von system:masters umgehen RBAC vollständig; keine Bindung kann ihnen das nehmen.</translation>
    </message>
    <message>
        <source>Issue certificates</source>
        <translation>Zertifikate ausstellen</translation>
    </message>
    <message>
        <source>Creating and approving certificate signing requests mints client certificates for any identity, system:masters included.</source>
        <translation>Wer Certificate Signing Requests erstellt und genehmigt, erzeugt Client-Zertifikate für beliebige Identitäten, system:masters eingeschlossen.</translation>
    </message>
</context>
<context>
    <name>sa::SecretField</name>
    <message>
        <source>Secret value</source>
        <translation>Secret-Wert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Reveal or hide the value (Ctrl+H)</source>
        <translation>Wert anzeigen oder verbergen (Strg+H)</translation>
    </message>
    <message>
        <source>Reveal value</source>
        <translation>Wert anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the value (Ctrl+Shift+C); the clipboard is cleared again after a while</source>
        <translation>Wert kopieren (Strg+Umschalt+C); die Zwischenablage wird nach einer Weile wieder geleert</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>1 byte (binary): %1</source>
        <translation>1 Byte (binär): %1</translation>
    </message>
    <message>
        <source>%1 bytes (binary): %2</source>
        <translation>%1 Bytes (binär): %2</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
</context>
<context>
    <name>sa::SecretModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Registry credentials</source>
        <translation>Registry-Zugangsdaten</translation>
    </message>
    <message>
        <source>Service account token</source>
        <translation>Dienstkonto-Token</translation>
    </message>
    <message>
        <source>Helm release</source>
        <translation>Helm-Release</translation>
    </message>
    <message>
        <source>Opaque</source>
        <translation>Opaque</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Basic auth</source>
        <translation>Basic-Auth</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH-Schlüssel</translation>
    </message>
    <message>
        <source>Bootstrap token</source>
        <translation>Bootstrap-Token</translation>
    </message>
</context>
<context>
    <name>sa::SecretValuesDialog</name>
    <message>
        <source>Values of secret %1/%2</source>
        <translation>Werte des Secrets %1/%2</translation>
    </message>
    <message>
        <source>The values are read from the server once, now, and shown masked until you reveal them. They are not kept after this dialog closes.</source>
        <translation>Die Werte werden einmalig, jetzt, vom Server gelesen und verborgen angezeigt, bis Sie sie anzeigen lassen. Nach dem Schließen dieses Dialogs werden sie nicht aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>&amp;Erneut lesen</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird gelesen…</translation>
    </message>
    <message>
        <source>1 value</source>
        <translation>1 Wert</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 Werte</translation>
    </message>
    <message>
        <source>&lt;i&gt;This secret has no values.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Dieses Secret hat keine Werte.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>sa::ServiceAccountModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Cloud identity</source>
        <translation>Cloud-Identität</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Pull secrets</source>
        <translation>Pull-Secrets</translation>
    </message>
    <message>
        <source>Automount</source>
        <translation>Auto-Einbindung</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>cannot check</source>
        <translation>kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>The namespace&apos;s default account: pods that name no service account run as it.</source>
        <translation>Das Standardkonto des Namespace: Pods, die kein Dienstkonto angeben, laufen unter diesem Konto.</translation>
    </message>
    <message>
        <source>%1 (namespace default)</source>
        <translation>%1 (Namespace-Standard)</translation>
    </message>
    <message>
        <source>default</source>
        <extracomment>The automount setting: the namespace&apos;s default, or set on or off on the account.</extracomment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>sa::SnippetView</name>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the manifest</source>
        <translation>Manifest kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save the manifest</source>
        <translation>Manifest speichern</translation>
    </message>
    <message>
        <source>Save manifest</source>
        <translation>Manifest speichern</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;All files (*)</source>
        <translation>YAML (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sa::Tls</name>
    <message>
        <source>TLS verification is off for cluster %1 (insecure-skip-tls-verify): the server&apos;s identity is not checked, so anyone on the network path could read or change this traffic, credentials included.</source>
        <translation>Die TLS-Prüfung ist für Cluster %1 abgeschaltet (insecure-skip-tls-verify): Die Identität des Servers wird nicht geprüft, also könnte jeder auf dem Netzwerkweg diesen Verkehr mitlesen oder verändern, Anmeldedaten eingeschlossen.</translation>
    </message>
    <message>
        <source>The connection to cluster %1 (%2) is not encrypted (http://): your credentials and every token you issue or reveal travel in clear, readable by anyone on the network path.</source>
        <translation>Die Verbindung zu Cluster %1 (%2) ist nicht verschlüsselt (http://): Ihre Anmeldedaten und jedes Token, das Sie ausstellen oder anzeigen, gehen im Klartext über das Netz, lesbar für jeden auf dem Netzwerkweg.</translation>
    </message>
</context>
<context>
    <name>sa::TokenActionDialog</name>
    <message>
        <source>Invalidate %1</source>
        <translation>%1 ungültig machen</translation>
    </message>
    <message numerus="yes">
        <source>Invalidate %n tokens</source>
        <translation>
            <numerusform>%n Token ungültig machen</numerusform>
            <numerusform>%n Tokens ungültig machen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Invalidate</source>
        <translation>&amp;Ungültig machen</translation>
    </message>
    <message>
        <source>Re-enable %1</source>
        <translation>%1 wieder aktivieren</translation>
    </message>
    <message numerus="yes">
        <source>Re-enable %n tokens</source>
        <translation>
            <numerusform>%n Token wieder aktivieren</numerusform>
            <numerusform>%n Tokens wieder aktivieren</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Re-enable</source>
        <translation>&amp;Wieder aktivieren</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tokens</source>
        <translation>
            <numerusform>%n Token löschen</numerusform>
            <numerusform>%n Tokens löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>%1 rotieren</translation>
    </message>
    <message>
        <source>&amp;Make new token</source>
        <translation>Neues Token &amp;erstellen</translation>
    </message>
    <message>
        <source>The API server refuses these tokens from now on (401 Unauthorized), as it does once the legacy token cleaner has found a token unused for a whole clean-up period. Re-enable brings a token back.</source>
        <translation>Der API-Server lehnt diese Tokens ab sofort ab (401 Unauthorized), so wie er es tut, sobald der Legacy-Token-Cleaner ein Token eine ganze Bereinigungsperiode lang unbenutzt vorgefunden hat. „Wieder aktivieren“ holt ein Token zurück.</translation>
    </message>
    <message>
        <source>The cleaner deletes an invalidated auto-generated token Secret one clean-up period after today (a year by default).</source>
        <translation>Der Cleaner löscht ein ungültig gemachtes, automatisch erzeugtes Token-Secret eine Bereinigungsperiode nach heute (standardmäßig ein Jahr).</translation>
    </message>
    <message>
        <source>Pods that read these tokens lose access to the cluster:</source>
        <translation>Pods, die diese Tokens lesen, verlieren den Zugriff auf den Cluster:</translation>
    </message>
    <message>
        <source>The API server accepts these tokens again: the kubernetes.io/legacy-token-invalid-since label is removed.</source>
        <translation>Der API-Server akzeptiert diese Tokens wieder: Das Label kubernetes.io/legacy-token-invalid-since wird entfernt.</translation>
    </message>
    <message>
        <source>These tokens are revoked for good: the Secret is deleted, and nothing brings the token back. Copies of it (CI systems, kubeconfigs) stop working at once.</source>
        <translation>Diese Tokens werden endgültig widerrufen: Das Secret wird gelöscht, und nichts holt das Token zurück. Kopien davon (CI-Systeme, kubeconfigs) funktionieren sofort nicht mehr.</translation>
    </message>
    <message>
        <source>Pods that read these tokens lose access, and new ones cannot start:</source>
        <translation>Pods, die diese Tokens lesen, verlieren den Zugriff, und neue können nicht starten:</translation>
    </message>
    <message>
        <source>A new token Secret is made for service account %1; the next page shows its token when you ask for it. The old token %2 keeps working until you delete it, which the next page also offers, for when what reads it uses the new one.</source>
        <translation>Für das Dienstkonto %1 wird ein neues Token-Secret erstellt; die nächste Seite zeigt dessen Token, wenn Sie es anfordern. Das alte Token %2 funktioniert weiter, bis Sie es löschen. Auch das bietet die nächste Seite an – für den Moment, in dem alles, was es liest, das neue verwendet.</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>Konto %1</translation>
    </message>
    <message>
        <source>which pods read it cannot be checked</source>
        <translation>welche Pods es lesen, kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>read by no pod</source>
        <translation>von keinem Pod gelesen</translation>
    </message>
    <message>
        <source>read by pods %1</source>
        <translation>gelesen von den Pods %1</translation>
    </message>
    <message>
        <source>in the pod template of %1</source>
        <translation>im Pod-Template von %1</translation>
    </message>
    <message>
        <source>Select one or more tokens in the Tokens tab.</source>
        <translation>Wählen Sie im Tab „Tokens“ ein oder mehrere Tokens aus.</translation>
    </message>
    <message>
        <source>Rotate one token at a time: its new token is shown to be handed over.</source>
        <translation>Rotieren Sie jeweils nur ein Token: Sein neues Token wird zur Übergabe angezeigt.</translation>
    </message>
    <message>
        <source>Service account %1 no longer exists: no new token can be made for it.</source>
        <translation>Das Dienstkonto %1 existiert nicht mehr: Es kann kein neues Token dafür erstellt werden.</translation>
    </message>
    <message>
        <source>%1 is already invalidated (since %2).</source>
        <translation>%1 ist bereits ungültig (seit %2).</translation>
    </message>
    <message>
        <source>%1 is not invalidated.</source>
        <translation>%1 ist nicht ungültig.</translation>
    </message>
    <message>
        <source>Making a new token…</source>
        <translation>Neues Token wird erstellt…</translation>
    </message>
    <message>
        <source>Invalidating…</source>
        <translation>Wird ungültig gemacht…</translation>
    </message>
    <message>
        <source>Re-enabling…</source>
        <translation>Wird wieder aktiviert…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>New token Secret %1/%2 made for %3. Its token is read from the server only when you ask for it.</source>
        <translation>Neues Token-Secret %1/%2 für %3 erstellt. Sein Token wird erst dann vom Server gelesen, wenn Sie es anfordern.</translation>
    </message>
    <message>
        <source>&amp;Show the new token</source>
        <translation>Neues Token &amp;anzeigen</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The old token %1 still works. Give the new token to what used the old one, then delete the old one.</source>
        <translation>Das alte Token %1 funktioniert noch. Geben Sie das neue Token an alles weiter, was das alte verwendet hat, und löschen Sie dann das alte.</translation>
    </message>
    <message>
        <source>Delete old token %1…</source>
        <translation>Altes Token %1 löschen…</translation>
    </message>
    <message>
        <source>Delete the old token Secret %1/%2? Its token is refused from then on.</source>
        <translation>Das alte Token-Secret %1/%2 löschen? Sein Token wird danach abgelehnt.</translation>
    </message>
    <message>
        <source>These pods still read it: %1.</source>
        <translation>Diese Pods lesen es noch: %1.</translation>
    </message>
    <message>
        <source>These pod templates name it: %1.</source>
        <translation>Diese Pod-Templates nennen es: %1.</translation>
    </message>
    <message>
        <source>Delete old token</source>
        <translation>Altes Token löschen</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>%1 wird gelöscht…</translation>
    </message>
    <message>
        <source>Deleted %1: its token is refused from now on.</source>
        <translation>%1 gelöscht: Sein Token wird ab sofort abgelehnt.</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Delete old token %1</source>
        <translation>Altes Token %1 löschen</translation>
    </message>
</context>
<context>
    <name>sa::TokenAuditModel</name>
    <message>
        <source>Invalidated: the API server refuses this token. Removing the label re-enables it; the cleaner deletes the Secret one clean-up period after this day.</source>
        <translation>Ungültig gemacht: Der API-Server lehnt dieses Token ab. Das Entfernen des Labels aktiviert es wieder; der Bereiniger löscht das Secret eine Bereinigungsperiode nach diesem Tag.</translation>
    </message>
    <message>
        <source>cannot check</source>
        <translation>kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>Whether the account exists cannot be checked: the service accounts could not be read.</source>
        <translation>Ob das Konto existiert, kann nicht geprüft werden: Die Dienstkonten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The service account no longer exists.</source>
        <translation>Das Dienstkonto existiert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 (gone)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message numerus="yes">
        <source>Days since the last use: %n</source>
        <translation>
            <numerusform>Letzte Nutzung vor %n Tag</numerusform>
            <numerusform>Letzte Nutzung vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>No use recorded since it was made (tracking began %1)</source>
        <translation>Seit der Erstellung keine Nutzung aufgezeichnet (Aufzeichnung seit %1)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Made before the API server began tracking use on %1, and not used since</source>
        <translation>Erstellt, bevor der API-Server am %1 mit der Aufzeichnung der Nutzung begann, und seitdem nicht verwendet</translation>
    </message>
    <message>
        <source>before tracking began</source>
        <translation>vor Beginn der Aufzeichnung</translation>
    </message>
    <message>
        <source>Last use cannot be checked: %1</source>
        <translation>Letzte Nutzung kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Cannot check: the service accounts could not be read.</source>
        <translation>Kann nicht geprüft werden: Die Dienstkonten konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Listed in the account&apos;s secrets: the token controller made it. The legacy token cleaner may invalidate it when unused.</source>
        <translation>In den Secrets des Kontos aufgeführt: Der Token-Controller hat es erstellt. Der Legacy-Token-Bereiniger kann es ungültig machen, wenn es nicht verwendet wird.</translation>
    </message>
    <message>
        <source>Made by hand: the legacy token cleaner leaves it alone.</source>
        <translation>Von Hand erstellt: Der Legacy-Token-Bereiniger lässt es unangetastet.</translation>
    </message>
    <message>
        <source>auto-generated</source>
        <translation>automatisch erzeugt</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>von Hand erstellt</translation>
    </message>
    <message>
        <source>Cannot check: the pods could not be read.</source>
        <translation>Kann nicht geprüft werden: Die Pods konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>no pod</source>
        <translation>kein Pod</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Invalid since</source>
        <translation>Ungültig seit</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Read by</source>
        <translation>Gelesen von</translation>
    </message>
</context>
<context>
    <name>sa::TokenClaims</name>
    <message>
        <source>not a JWT: expected three dot-separated parts</source>
        <translation>Kein JWT: drei durch Punkte getrennte Teile erwartet</translation>
    </message>
    <message>
        <source>the claims are not valid base64url</source>
        <translation>Die Claims sind kein gültiges base64url</translation>
    </message>
    <message>
        <source>the claims are not a JSON object</source>
        <translation>Die Claims sind kein JSON-Objekt</translation>
    </message>
    <message>
        <source>a time in the claims (exp, iat or nbf) is out of range</source>
        <translation>Eine Zeitangabe in den Claims (exp, iat oder nbf) liegt außerhalb des gültigen Bereichs</translation>
    </message>
</context>
<context>
    <name>sa::TokenInspectorDialog</name>
    <message>
        <source>&amp;Check with the cluster</source>
        <translation>Beim Cluster &amp;prüfen</translation>
    </message>
    <message>
        <source>Inspect a token</source>
        <translation>Token untersuchen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Paste a service-account token (or any JWT) to see what it says. Nothing is sent anywhere until you check it with the cluster.</source>
        <translation>Fügen Sie ein Dienstkonto-Token (oder ein beliebiges JWT) ein, um seinen Inhalt zu sehen. Es wird nichts gesendet, bis Sie es beim Cluster prüfen.</translation>
    </message>
    <message>
        <source>&amp;Paste token</source>
        <translation>Token &amp;einfügen</translation>
    </message>
    <message>
        <source>Takes the token from the clipboard (Ctrl+V)</source>
        <translation>Übernimmt das Token aus der Zwischenablage (Strg+V)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>A TokenReview: whom the cluster takes the token for</source>
        <translation>Ein TokenReview: für wen der Cluster das Token hält</translation>
    </message>
    <message>
        <source>Not connected to a cluster</source>
        <translation>Nicht mit einem Cluster verbunden</translation>
    </message>
    <message>
        <source>The cluster&apos;s answer</source>
        <translation>Antwort des Clusters</translation>
    </message>
    <message>
        <source>No token yet.</source>
        <translation>Noch kein Token.</translation>
    </message>
    <message>
        <source>This is not a token: a token is made of letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos; and &apos;=&apos;.</source>
        <translation>Das ist kein Token: Ein Token besteht aus Buchstaben, Ziffern, „-“, „_“, „.“ und „=“.</translation>
    </message>
    <message>
        <source>Its claims cannot be read: %1. The cluster may still know it (an opaque token such as a bootstrap token): check it with the cluster.</source>
        <translation>Seine Claims können nicht gelesen werden: %1. Der Cluster kennt es möglicherweise trotzdem (ein opakes Token wie ein Bootstrap-Token): Prüfen Sie es beim Cluster.</translation>
    </message>
    <message>
        <source>⚠ Never expires: it works until its Secret or its account is deleted.</source>
        <translation>⚠ Läuft nie ab: Es funktioniert, bis sein Secret oder sein Konto gelöscht wird.</translation>
    </message>
    <message>
        <source>Expired: the cluster no longer accepts it.</source>
        <translation>Abgelaufen: Der Cluster akzeptiert es nicht mehr.</translation>
    </message>
    <message>
        <source>Expires %1.</source>
        <translation>Läuft %1 ab.</translation>
    </message>
    <message>
        <source>Asking the cluster…</source>
        <translation>Cluster wird gefragt…</translation>
    </message>
    <message>
        <source>The cluster could not check it: %1</source>
        <translation>Der Cluster konnte es nicht prüfen: %1</translation>
    </message>
    <message>
        <source>✗ The cluster does not accept this token.</source>
        <translation>✗ Der Cluster akzeptiert dieses Token nicht.</translation>
    </message>
    <message>
        <source>✗ The cluster does not accept this token: %1</source>
        <translation>✗ Der Cluster akzeptiert dieses Token nicht: %1</translation>
    </message>
    <message>
        <source>✓ The cluster accepts it as %1</source>
        <translation>✓ Der Cluster akzeptiert es als %1</translation>
    </message>
    <message>
        <source>UID: %1</source>
        <translation>UID: %1</translation>
    </message>
    <message>
        <source>Groups: %1</source>
        <translation>Gruppen: %1</translation>
    </message>
    <message>
        <source>Audiences it was accepted for: %1</source>
        <translation>Zielgruppen, für die es akzeptiert wurde: %1</translation>
    </message>
</context>
<context>
    <name>sa::TokenSecretDialog</name>
    <message>
        <source>New long-lived token secret for %1/%2</source>
        <translation>Neues langlebiges Token-Secret für %1/%2</translation>
    </message>
    <message>
        <source>&lt;p&gt;⚠ A token secret holds a token that &lt;b&gt;never expires&lt;/b&gt;: it works for anyone who has it until the secret or the service account is deleted, and it is readable by everyone who may read secrets in %1.&lt;/p&gt;&lt;p&gt;For a pipeline or a person, prefer &lt;b&gt;Issue token&lt;/b&gt; (Ctrl+T): a token that expires on its own. Use a token secret only for a client that cannot renew its token.&lt;/p&gt;</source>
        <translation>&lt;p&gt;⚠ Ein Token-Secret enthält ein Token, das &lt;b&gt;nie abläuft&lt;/b&gt;: Es funktioniert für jeden, der es besitzt, bis das Secret oder das Dienstkonto gelöscht wird, und jeder, der Secrets in %1 lesen darf, kann es lesen.&lt;/p&gt;&lt;p&gt;Für eine Pipeline oder eine Person ist &lt;b&gt;Token ausstellen&lt;/b&gt; (Strg+T) vorzuziehen: ein Token, das von selbst abläuft. Verwenden Sie ein Token-Secret nur für einen Client, der sein Token nicht erneuern kann.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Secret-Name</translation>
    </message>
    <message>
        <source>Secret &amp;name:</source>
        <translation>Secret-&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>The token secret was not created.</source>
        <translation>Das Token-Secret wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>The token secret may have been created: the list of secrets shows it if it was.</source>
        <translation>Das Token-Secret wurde möglicherweise erstellt: Falls ja, erscheint es in der Liste der Secrets.</translation>
    </message>
    <message>
        <source>Creating; waiting for the token controller to fill it…</source>
        <translation>Wird erstellt; warten, bis der Token-Controller es befüllt…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Secret %1/%2&lt;/b&gt; holds a token for %3.</source>
        <translation>&lt;b&gt;Secret %1/%2&lt;/b&gt; enthält ein Token für %3.</translation>
    </message>
</context>
<context>
    <name>sa::TokenView</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>in %1 min</translation>
    </message>
    <message>
        <source>in %1 h %2 min</source>
        <translation>in %1 h %2 min</translation>
    </message>
    <message>
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>legacy token from a Secret: never expires, valid while the Secret exists</source>
        <translation>Legacy-Token aus einem Secret: läuft nie ab, gültig, solange das Secret existiert</translation>
    </message>
    <message>
        <source>bound token (TokenRequest): expires, and dies with what it is bound to</source>
        <translation>gebundenes Token (TokenRequest): läuft ab und erlischt mit dem Objekt, an das es gebunden ist</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subjekt:</translation>
    </message>
    <message>
        <source>Audiences:</source>
        <translation>Zielgruppen:</translation>
    </message>
    <message>
        <source>Issued:</source>
        <translation>Ausgestellt:</translation>
    </message>
    <message>
        <source>Not before:</source>
        <translation>Nicht vor:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Läuft ab:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>secret/%1 (a legacy token: valid while the secret exists)</source>
        <translation>secret/%1 (ein Legacy-Token: gültig, solange das Secret existiert)</translation>
    </message>
    <message>
        <source>%1/%2 (invalid once it is deleted)</source>
        <translation>%1/%2 (ungültig, sobald es gelöscht ist)</translation>
    </message>
    <message>
        <source>Bound to:</source>
        <translation>Gebunden an:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Knoten:</translation>
    </message>
    <message>
        <source>Token ID (jti):</source>
        <translation>Token-ID (jti):</translation>
    </message>
    <message>
        <source>Signed with:</source>
        <translation>Signiert mit:</translation>
    </message>
    <message>
        <source>%1, not verified here</source>
        <translation>%1, hier nicht überprüft</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Not a JSON Web Token: its claims cannot be shown.</source>
        <translation>Kein JSON Web Token: Seine Claims können nicht angezeigt werden.</translation>
    </message>
    <message>
        <source>Copy &amp;curl command</source>
        <translation>&amp;curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>printf … | curl --cacert CA https://SERVER/api --header @- (the token on curl&apos;s input, not in its arguments)</source>
        <translation>printf … | curl --cacert CA https://SERVER/api --header @- (das Token über die Eingabe von curl, nicht in seinen Argumenten)</translation>
    </message>
    <message>
        <source>Copy &amp;kubeconfig</source>
        <translation>&amp;kubeconfig kopieren</translation>
    </message>
    <message>
        <source>&amp;Save kubeconfig…</source>
        <translation>kubeconfig &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Test token</source>
        <translation>Token &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Inspect…</source>
        <translation>&amp;Untersuchen…</translation>
    </message>
    <message>
        <source>Every claim, and the cluster&apos;s TokenReview</source>
        <translation>Alle Claims und das TokenReview des Clusters</translation>
    </message>
    <message>
        <source>⚠ The curl command and the kubeconfig: %1</source>
        <translation>⚠ Der curl-Befehl und die kubeconfig: %1</translation>
    </message>
    <message>
        <source>⚠ Never expires: it works until the secret or the account is deleted.</source>
        <translation>⚠ Läuft nie ab: Es funktioniert, bis das Secret oder das Konto gelöscht wird.</translation>
    </message>
    <message>
        <source>Expires %1 (%2)</source>
        <translation>Läuft um %1 ab (%2)</translation>
    </message>
    <message>
        <source>Copied a curl command. It holds the token: a shell keeps the line in its history unless it starts with a space (bash with HISTCONTROL=ignorespace or ignoreboth).</source>
        <translation>curl-Befehl kopiert. Er enthält das Token: Eine Shell speichert die Zeile in ihrem Verlauf, sofern sie nicht mit einem Leerzeichen beginnt (bash mit HISTCONTROL=ignorespace oder ignoreboth).</translation>
    </message>
    <message>
        <source>Copied a kubeconfig for %1/%2.</source>
        <translation>kubeconfig für %1/%2 kopiert.</translation>
    </message>
    <message>
        <source>Save kubeconfig</source>
        <translation>kubeconfig speichern</translation>
    </message>
    <message>
        <source>Kubeconfig (*.kubeconfig *.yaml);;All files (*)</source>
        <translation>Kubeconfig (*.kubeconfig *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved %1 (readable by you alone). Use it with kubectl --kubeconfig %1</source>
        <translation>%1 gespeichert (nur für Sie lesbar). Verwenden Sie sie mit kubectl --kubeconfig %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Cannot test the token: the connection it was issued through has been closed (another context, or F5). Copying it and the kubeconfig still work.</source>
        <translation>Das Token kann nicht getestet werden: Die Verbindung, über die es ausgestellt wurde, ist geschlossen (anderer Kontext oder F5). Das Kopieren des Tokens und der kubeconfig funktioniert weiterhin.</translation>
    </message>
    <message>
        <source>Asking the cluster…</source>
        <translation>Cluster wird gefragt…</translation>
    </message>
    <message>
        <source>Authenticates as %1</source>
        <translation>Authentifiziert als %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>sa::TokensPane</name>
    <message>
        <source>Show tokens</source>
        <translation>Tokens anzeigen</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>Alle Tokens</translation>
    </message>
    <message>
        <source>Unused for more than…</source>
        <translation>Unbenutzt seit mehr als…</translation>
    </message>
    <message>
        <source>Invalidated</source>
        <translation>Ungültig gemacht</translation>
    </message>
    <message>
        <source>Account gone</source>
        <translation>Konto fehlt</translation>
    </message>
    <message>
        <source>Read by pods</source>
        <translation>Von Pods gelesen</translation>
    </message>
    <message>
        <source>Days unused</source>
        <translation>Tage unbenutzt</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Long-lived tokens</source>
        <translation>Langlebige Tokens</translation>
    </message>
    <message>
        <source>&amp;Rotate…</source>
        <translation>&amp;Rotieren…</translation>
    </message>
    <message>
        <source>Make a new token Secret for the same account, then delete the old one</source>
        <translation>Ein neues Token-Secret für dasselbe Konto erstellen, dann das alte löschen</translation>
    </message>
    <message>
        <source>&amp;Invalidate…</source>
        <translation>&amp;Ungültig machen…</translation>
    </message>
    <message>
        <source>Have the API server refuse the token, as the legacy token cleaner does</source>
        <translation>Den API-Server das Token ablehnen lassen, wie es der Legacy-Token-Bereiniger tut</translation>
    </message>
    <message>
        <source>Re-&amp;enable…</source>
        <translation>&amp;Wieder aktivieren…</translation>
    </message>
    <message>
        <source>Remove the invalidation</source>
        <translation>Die Ungültigmachung aufheben</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the token Secret: the token is revoked</source>
        <translation>Das Token-Secret löschen: Das Token wird widerrufen</translation>
    </message>
    <message>
        <source>Replace by a &amp;projected token…</source>
        <translation>Durch &amp;projiziertes Token ersetzen…</translation>
    </message>
    <message>
        <source>A pod spec fragment that mounts a short-lived, auto-rotated token instead</source>
        <translation>Ein Pod-Spec-Fragment, das stattdessen ein kurzlebiges, automatisch rotiertes Token einbindet</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the listed tokens&apos; audit (metadata only, never a token) as CSV</source>
        <translation>Das Audit der aufgelisteten Tokens (nur Metadaten, nie ein Token) als CSV speichern</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>the tracking ConfigMap&apos;s date &quot;%1&quot; is not a date</source>
        <translation>das Datum „%1“ der Tracking-ConfigMap ist kein Datum</translation>
    </message>
    <message>
        <source>this cluster keeps no record of legacy token use (no tracking ConfigMap in kube-system: Kubernetes before 1.26)</source>
        <translation>dieser Cluster zeichnet die Nutzung von Legacy-Tokens nicht auf (keine Tracking-ConfigMap in kube-system: Kubernetes vor 1.26)</translation>
    </message>
    <message>
        <source>the day tracking began could not be read: %1</source>
        <translation>der Tag, an dem die Aufzeichnung begann, konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Tokens (not allowed)</source>
        <translation>Tokens (nicht erlaubt)</translation>
    </message>
    <message>
        <source>Tokens (%1)</source>
        <translation>Tokens (%1)</translation>
    </message>
    <message>
        <source>The token Secrets cannot be listed: see the message above.</source>
        <translation>Die Token-Secrets können nicht aufgelistet werden: Siehe die Meldung oben.</translation>
    </message>
    <message>
        <source>Listing long-lived tokens…</source>
        <translation>Langlebige Tokens werden aufgelistet…</translation>
    </message>
    <message numerus="yes">
        <source>Tokens: %Ln</source>
        <translation>
            <numerusform>Tokens: %Ln</numerusform>
            <numerusform>Tokens: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>never used: %Ln</source>
        <translation>
            <numerusform>nie verwendet: %Ln</numerusform>
            <numerusform>nie verwendet: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unused for 90 days: %Ln</source>
        <translation>
            <numerusform>seit 90 Tagen unbenutzt: %Ln</numerusform>
            <numerusform>seit 90 Tagen unbenutzt: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>invalidated: %Ln</source>
        <translation>
            <numerusform>ungültig gemacht: %Ln</numerusform>
            <numerusform>ungültig gemacht: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>account gone: %Ln</source>
        <translation>
            <numerusform>Konto fehlt: %Ln</numerusform>
            <numerusform>Konto fehlt: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read by pods: %Ln</source>
        <translation>
            <numerusform>von Pods gelesen: %Ln</numerusform>
            <numerusform>von Pods gelesen: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens whose last use cannot be checked: %Ln (%1)</source>
        <translation>
            <numerusform>Token, dessen letzte Nutzung nicht geprüft werden kann: %Ln (%1)</numerusform>
            <numerusform>Tokens, deren letzte Nutzung nicht geprüft werden kann: %Ln (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export token audit</source>
        <translation>Token-Audit exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saved the token audit to %1</source>
        <translation>Token-Audit in %1 gespeichert</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sa::WhoCanDialog</name>
    <message>
        <source>Any namespace</source>
        <translation>Beliebiger Namespace</translation>
    </message>
    <message>
        <source>Who can…?</source>
        <translation>Wer darf…?</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Risky?</source>
        <translation>Riskant?</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjekte</translation>
    </message>
    <message>
        <source>Who can read %1/%2?</source>
        <translation>Wer darf %1/%2 lesen?</translation>
    </message>
    <message>
        <source>Cannot check: the roles and bindings could not be read, so who can do this is not known. Ask the server for one account at a time with &quot;Can it…?&quot;.</source>
        <translation>Kann nicht geprüft werden: Die Rollen und Bindungen konnten nicht gelesen werden, daher ist unbekannt, wer dies darf. Fragen Sie den Server mit „Darf es…?“ jeweils für ein einzelnes Konto.</translation>
    </message>
    <message>
        <source>Enter a resource.</source>
        <translation>Geben Sie eine Ressource ein.</translation>
    </message>
    <message>
        <source>ServiceAccount</source>
        <translation>ServiceAccount</translation>
    </message>
    <message>
        <source>ServiceAccount (missing)</source>
        <translation>ServiceAccount (fehlt)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>cluster-wide</source>
        <translation>clusterweit</translation>
    </message>
    <message>
        <source>in any namespace</source>
        <translation>in jedem Namespace</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 named %2</source>
        <translation>%1 namens %2</translation>
    </message>
    <message>
        <source>No binding lets anyone %1 %2 %3 (members of system:masters always can).</source>
        <translation>Keine Bindung erlaubt irgendjemandem %1 auf %2 %3 (Mitglieder von system:masters dürfen es immer).</translation>
    </message>
    <message>
        <source>%1 can %2 %3 %4:</source>
        <translation>%2 auf %3 %4 erlaubt für %1:</translation>
    </message>
    <message>
        <source>1 subject</source>
        <translation>1 Subjekt</translation>
    </message>
    <message>
        <source>%1 subjects</source>
        <translation>%1 Subjekte</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>sa::Yaml</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
</context>
<context>
    <name>sa::YamlDialog</name>
    <message>
        <source>Reveal values</source>
        <translation>Werte anzeigen</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>YAML of %1 %2/%3</source>
        <translation>YAML von %1 %2/%3</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Show or hide the secret&apos;s values (Ctrl+H)</source>
        <translation>Werte des Secrets anzeigen oder verbergen (Strg+H)</translation>
    </message>
    <message>
        <source>Save YAML to a file</source>
        <translation>YAML in eine Datei speichern</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The YAML view does not know objects of kind %1.</source>
        <translation>Die YAML-Ansicht kennt keine Objekte der Art %1.</translation>
    </message>
    <message>
        <source>Could not read %1 %2/%3:</source>
        <translation>%1 %2/%3 konnte nicht gelesen werden:</translation>
    </message>
    <message>
        <source>Hide values</source>
        <translation>Werte verbergen</translation>
    </message>
    <message>
        <source>Save YAML of %1/%2</source>
        <translation>YAML von %1/%2 speichern</translation>
    </message>
    <message>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the object has not been read.</source>
        <translation>das Objekt wurde nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>sa::identity</name>
    <message>
        <source>Enter a whole number of seconds, from %1 to %2.</source>
        <translation>Geben Sie eine ganze Zahl von Sekunden zwischen %1 und %2 ein.</translation>
    </message>
    <message>
        <source>Enter the IAM role&apos;s ARN, such as arn:aws:iam::123456789012:role/NAME.</source>
        <translation>Geben Sie den ARN der IAM-Rolle ein, etwa arn:aws:iam::123456789012:role/NAME.</translation>
    </message>
    <message>
        <source>An IAM role ARN starts with arn:aws (arn:aws:iam::123456789012:role/NAME).</source>
        <translation>Ein IAM-Rollen-ARN beginnt mit arn:aws (arn:aws:iam::123456789012:role/NAME).</translation>
    </message>
    <message>
        <source>An IAM role ARN names a 12-digit account after iam:: (arn:aws:iam::123456789012:role/NAME).</source>
        <translation>Ein IAM-Rollen-ARN nennt nach iam:: ein 12-stelliges Konto (arn:aws:iam::123456789012:role/NAME).</translation>
    </message>
    <message>
        <source>An IAM role ARN ends in :role/ and the role&apos;s path and name: letters, digits and _+=,.@/- (arn:aws:iam::123456789012:role/NAME).</source>
        <translation>Ein IAM-Rollen-ARN endet mit :role/ und dem Pfad und Namen der Rolle: Buchstaben, Ziffern und _+=,.@/- (arn:aws:iam::123456789012:role/NAME).</translation>
    </message>
    <message>
        <source>Enter the audience (the webhook&apos;s default is sts.amazonaws.com).</source>
        <translation>Geben Sie die Zielgruppe (Audience) ein (Standard des Webhooks: sts.amazonaws.com).</translation>
    </message>
    <message>
        <source>An audience has no spaces.</source>
        <translation>Eine Zielgruppe enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>Use &quot;true&quot; or &quot;false&quot;: the webhook ignores any other value.</source>
        <translation>Verwenden Sie „true“ oder „false“: Der Webhook ignoriert jeden anderen Wert.</translation>
    </message>
    <message>
        <source>At least 600 seconds: the webhook raises a shorter expiration to 600.</source>
        <translation>Mindestens 600 Sekunden: Der Webhook hebt einen kürzeren Ablauf auf 600 an.</translation>
    </message>
    <message>
        <source>At most 86400 seconds (24 hours), the longest token EKS issues.</source>
        <translation>Höchstens 86400 Sekunden (24 Stunden): Länger gültige Tokens stellt EKS nicht aus.</translation>
    </message>
    <message>
        <source>Enter the Google service account&apos;s e-mail, such as NAME@PROJECT_ID.iam.gserviceaccount.com.</source>
        <translation>Geben Sie die E-Mail-Adresse des Google-Dienstkontos ein, etwa NAME@PROJECT_ID.iam.gserviceaccount.com.</translation>
    </message>
    <message>
        <source>A Google service account is named by its e-mail: NAME@PROJECT_ID.iam.gserviceaccount.com.</source>
        <translation>Ein Google-Dienstkonto wird durch seine E-Mail-Adresse benannt: NAME@PROJECT_ID.iam.gserviceaccount.com.</translation>
    </message>
    <message>
        <source>The name before @ has 6 to 30 lower-case letters, digits and hyphens, starts with a letter and does not end with a hyphen.</source>
        <translation>Der Name vor @ besteht aus 6 bis 30 Kleinbuchstaben, Ziffern und Bindestrichen, beginnt mit einem Buchstaben und endet nicht mit einem Bindestrich.</translation>
    </message>
    <message>
        <source>A Google service account&apos;s e-mail ends in @PROJECT_ID.iam.gserviceaccount.com (a project ID has 6 to 30 lower-case letters, digits and hyphens).</source>
        <translation>Die E-Mail-Adresse eines Google-Dienstkontos endet mit @PROJECT_ID.iam.gserviceaccount.com (eine Projekt-ID besteht aus 6 bis 30 Kleinbuchstaben, Ziffern und Bindestrichen).</translation>
    </message>
    <message>
        <source>%1 is a GUID: 8-4-4-4-12 hexadecimal digits, such as 00000000-0000-0000-0000-000000000000.</source>
        <translation>%1 ist eine GUID: 8-4-4-4-12 Hexadezimalziffern, etwa 00000000-0000-0000-0000-000000000000.</translation>
    </message>
    <message>
        <source>A client ID</source>
        <translation>Eine Client-ID</translation>
    </message>
    <message>
        <source>A tenant ID</source>
        <translation>Eine Mandanten-ID</translation>
    </message>
    <message>
        <source>From 3600 to 86400 seconds: the webhook refuses the pods of an account set otherwise.</source>
        <translation>3600 bis 86400 Sekunden: Bei einem anderen Wert lehnt der Webhook die Pods des Kontos ab.</translation>
    </message>
    <message>
        <source>IAM role ARN</source>
        <translation>IAM-Rollen-ARN</translation>
    </message>
    <message>
        <source>The IAM role the pods assume with their service-account token (IRSA); the EKS pod identity webhook mounts the token and sets AWS_ROLE_ARN.</source>
        <translation>Die IAM-Rolle, die die Pods mit ihrem Dienstkonto-Token übernehmen (IRSA); der EKS-Pod-Identity-Webhook bindet das Token ein und setzt AWS_ROLE_ARN.</translation>
    </message>
    <message>
        <source>Token audience</source>
        <translation>Token-Zielgruppe</translation>
    </message>
    <message>
        <source>The audience of the token the webhook mounts; the IAM OIDC provider must list it. Default: sts.amazonaws.com.</source>
        <translation>Die Zielgruppe des Tokens, das der Webhook einbindet; der IAM-OIDC-Anbieter muss sie aufführen. Standard: sts.amazonaws.com.</translation>
    </message>
    <message>
        <source>Regional STS</source>
        <translation>Regionaler STS</translation>
    </message>
    <message>
        <source>&quot;true&quot; makes the SDKs ask the region&apos;s STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional) instead of the global one.</source>
        <translation>„true“ lässt die SDKs den STS-Endpunkt der Region (AWS_STS_REGIONAL_ENDPOINTS=regional) statt des globalen abfragen.</translation>
    </message>
    <message>
        <source>Token expiration (s)</source>
        <translation>Token-Ablauf (s)</translation>
    </message>
    <message>
        <source>How long the mounted token lives, in seconds: 600 to 86400. Default: 86400.</source>
        <translation>Wie lange das eingebundene Token gültig ist, in Sekunden: 600 bis 86400. Standard: 86400.</translation>
    </message>
    <message>
        <source>Google service account</source>
        <translation>Google-Dienstkonto</translation>
    </message>
    <message>
        <source>The IAM service account the pods act as through GKE Workload Identity; it must grant this account roles/iam.workloadIdentityUser.</source>
        <translation>Das IAM-Dienstkonto, als das die Pods über GKE Workload Identity handeln; es muss diesem Konto roles/iam.workloadIdentityUser gewähren.</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>The Microsoft Entra application or user-assigned managed identity the pods sign in as (pods labelled azure.workload.identity/use: &quot;true&quot;).</source>
        <translation>Die Microsoft-Entra-Anwendung oder benutzerseitig zugewiesene verwaltete Identität, als die sich die Pods anmelden (Pods mit dem Label azure.workload.identity/use: &quot;true&quot;).</translation>
    </message>
    <message>
        <source>Tenant ID</source>
        <translation>Mandanten-ID</translation>
    </message>
    <message>
        <source>The tenant where that identity is registered. Default: the webhook&apos;s AZURE_TENANT_ID.</source>
        <translation>Der Mandant (Tenant), in dem diese Identität registriert ist. Standard: AZURE_TENANT_ID des Webhooks.</translation>
    </message>
    <message>
        <source>How long the projected token lives, in seconds: 3600 to 86400. Default: 3600.</source>
        <translation>Wie lange das projizierte Token gültig ist, in Sekunden: 3600 bis 86400. Standard: 3600.</translation>
    </message>
    <message>
        <source>AWS (EKS IAM roles for service accounts)</source>
        <translation>AWS (EKS-IAM-Rollen für Dienstkonten)</translation>
    </message>
    <message>
        <source>Google Cloud (GKE Workload Identity)</source>
        <translation>Google Cloud (GKE Workload Identity)</translation>
    </message>
    <message>
        <source>Azure (Microsoft Entra Workload ID)</source>
        <translation>Azure (Microsoft Entra Workload ID)</translation>
    </message>
    <message>
        <source>%1 is not set: the other annotations do nothing without it.</source>
        <translation>%1 ist nicht gesetzt: Ohne diese Annotation bewirken die anderen nichts.</translation>
    </message>
    <message>
        <source>AWS: no IAM role (eks.amazonaws.com/role-arn is not set)</source>
        <translation>AWS: keine IAM-Rolle (eks.amazonaws.com/role-arn ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>Google Cloud: no service account</source>
        <translation>Google Cloud: kein Dienstkonto</translation>
    </message>
    <message>
        <source>Azure: no client ID (azure.workload.identity/client-id is not set)</source>
        <translation>Azure: keine Client-ID (azure.workload.identity/client-id ist nicht gesetzt)</translation>
    </message>
    <message>
        <source>AWS IAM role %1</source>
        <translation>AWS-IAM-Rolle %1</translation>
    </message>
    <message>
        <source>Google service account %1</source>
        <translation>Google-Dienstkonto %1</translation>
    </message>
    <message>
        <source>Azure client %1</source>
        <translation>Azure-Client %1</translation>
    </message>
    <message>
        <source>Azure client %1 in tenant %2</source>
        <translation>Azure-Client %1 im Mandanten %2</translation>
    </message>
</context>
<context>
    <name>sa::names</name>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>The name must be no more than 253 characters.</source>
        <translation>Der Name darf höchstens 253 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>A name must consist of lower case alphanumeric characters, &apos;-&apos; or &apos;.&apos;, and must start and end with an alphanumeric character (e.g. &apos;example.com&apos;).</source>
        <translation>Ein Name darf nur aus alphanumerischen Zeichen in Kleinschreibung, „-“ oder „.“ bestehen und muss mit einem alphanumerischen Zeichen beginnen und enden (z. B. „example.com“).</translation>
    </message>
</context>
<context>
    <name>sa::saveFile</name>
    <message>
        <source>its permissions could not be limited to you</source>
        <translation>die Berechtigungen der Datei konnten nicht auf Sie allein beschränkt werden</translation>
    </message>
</context>
</TS>
