"""Collects the licences of the libraries in the release bundle.

Usage: licenses.py CLASSPATH DEST. For each jar of CLASSPATH (':'-separated, as Maven resolves
them from its local repository), copies the licence and notice files the jar carries to
DEST/licenses/ARTIFACT/, and writes DEST/THIRD-PARTY.txt: one entry per library with the licence
its POM declares (following the parent POMs when the library's own declares none).
"""
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = ""


def parse(pom):
    """The POM's root element, its tags without the namespace (some POMs declare none)."""
    root = ET.parse(pom).getroot()
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    return root


def text(node, tag):
    found = node.find(NS + tag)
    return found.text.strip() if found is not None and found.text else ""


def pom_of(jar):
    return jar[: -len(".jar")] + ".pom"


def repository_root(jar, group, artifact, version):
    suffix = os.path.join(*group.split("."), artifact, version, os.path.basename(jar))
    return jar[: -len(suffix)] if jar.endswith(suffix) else None


def licences(pom, root, depth=0):
    try:
        project = parse(pom)
    except (OSError, ET.ParseError):
        return []
    found = [(text(lic, "name"), text(lic, "url")) for lic in project.iter(NS + "license")]
    parent = project.find(NS + "parent")
    if found or parent is None or root is None or depth > 5:
        return found
    g, a, v = text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version")
    return licences(os.path.join(root, *g.split("."), a, v, a + "-" + v + ".pom"), root, depth + 1)


def coordinates(pom, jar):
    try:
        project = parse(pom)
    except (OSError, ET.ParseError):
        return None, os.path.basename(jar), ""
    parent = project.find(NS + "parent")
    group = text(project, "groupId") or (text(parent, "groupId") if parent is not None else "")
    version = text(project, "version") or (text(parent, "version") if parent is not None else "")
    return group, text(project, "artifactId"), version


def main(classpath, dest):
    os.makedirs(os.path.join(dest, "licenses"), exist_ok=True)
    entries = []
    for jar in sorted(p for p in classpath.split(":") if p.endswith(".jar")):
        pom = pom_of(jar)
        group, artifact, version = coordinates(pom, jar)
        root = repository_root(jar, group, artifact, version) if group else None
        declared = licences(pom, root)
        copied = []
        with zipfile.ZipFile(jar) as archive:
            for name in archive.namelist():
                base = os.path.basename(name)
                if name.endswith("/") or not base.upper().startswith(("LICENSE", "NOTICE", "LICENCE")):
                    continue
                if name.count("/") > 1 and not name.startswith("META-INF/"):
                    continue
                target = os.path.join(dest, "licenses", artifact, base)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as out:
                    out.write(archive.read(name))
                copied.append("licenses/%s/%s" % (artifact, base))
        lines = ["%s:%s:%s" % (group, artifact, version)]
        lines += ["  licence: %s%s" % (n or "(unnamed)", " <%s>" % u if u else "") for n, u in declared]
        if not declared:
            lines.append("  licence: see the files below")
        lines += ["  file: " + c for c in copied]
        entries.append("\n".join(lines))
    with open(os.path.join(dest, "THIRD-PARTY.txt"), "w", encoding="utf-8") as out:
        out.write("Libraries bundled in lib/messer.jar and their licences.\n")
        out.write("The Java runtime's own licences are in runtime/legal/.\n\n")
        out.write("\n\n".join(entries) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
