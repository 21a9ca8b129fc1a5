<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>sa::DetailsPane</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation>
            <numerusform>; and %n more</numerusform>
            <numerusform>; and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more: %1</source>
        <translation>
            <numerusform>and %n more: %1</numerusform>
            <numerusform>and %n more: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa::Operation</name>
    <message numerus="yes">
        <source>Gave up after %n attempts: the service account kept changing meanwhile. Try again.</source>
        <translation>
            <numerusform>Gave up after %n attempt: the service account kept changing meanwhile. Try again.</numerusform>
            <numerusform>Gave up after %n attempts: the service account kept changing meanwhile. Try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts: the binding kept changing meanwhile. Try again.</source>
        <translation>
            <numerusform>Gave up after %n attempt: the binding kept changing meanwhile. Try again.</numerusform>
            <numerusform>Gave up after %n attempts: the binding kept changing meanwhile. Try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Trying again in %n s…</numerusform>
            <numerusform>Trying again in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa::TokenActionDialog</name>
    <message numerus="yes">
        <source>Invalidate %n tokens</source>
        <translation>
            <numerusform>Invalidate %n token</numerusform>
            <numerusform>Invalidate %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Re-enable %n tokens</source>
        <translation>
            <numerusform>Re-enable %n token</numerusform>
            <numerusform>Re-enable %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n tokens</source>
        <translation>
            <numerusform>Delete %n token</numerusform>
            <numerusform>Delete %n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa::TokenAuditModel</name>
    <message numerus="yes">
        <source>Days since the last use: %n</source>
        <translation>
            <numerusform>Days since the last use: %n</numerusform>
            <numerusform>Days since the last use: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sa::TokensPane</name>
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
            <numerusform>never used: %Ln</numerusform>
            <numerusform>never used: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>unused for 90 days: %Ln</source>
        <translation>
            <numerusform>unused for 90 days: %Ln</numerusform>
            <numerusform>unused for 90 days: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>invalidated: %Ln</source>
        <translation>
            <numerusform>invalidated: %Ln</numerusform>
            <numerusform>invalidated: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>account gone: %Ln</source>
        <translation>
            <numerusform>account gone: %Ln</numerusform>
            <numerusform>account gone: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read by pods: %Ln</source>
        <translation>
            <numerusform>read by pods: %Ln</numerusform>
            <numerusform>read by pods: %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tokens whose last use cannot be checked: %Ln (%1)</source>
        <translation>
            <numerusform>Tokens whose last use cannot be checked: %Ln (%1)</numerusform>
            <numerusform>Tokens whose last use cannot be checked: %Ln (%1)</numerusform>
        </translation>
    </message>
</context>
</TS>
