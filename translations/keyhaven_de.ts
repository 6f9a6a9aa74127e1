<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>MainWindow</name>
    <message>
        <source>Keyhaven</source>
        <translation>Keyhaven</translation>
    </message>
</context>
</TS>
