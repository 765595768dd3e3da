"""Converts documents to PDF through a LibreOffice listener (UNO over a socket).

Started once by bench/peers.ts; it connects to the soffice listening on the
port given as first argument, then reads lines "<input> <output>" on stdin and
answers one line per document: "ok" or "error <message>". The time is taken on
the Node side, around the whole round trip.
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
    for _ in range(300):
        try:
            ctx = resolver.resolve(url)
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            time.sleep(0.1)
    raise RuntimeError("no LibreOffice listener on port %d" % port)


def main():
    desktop = connect(int(sys.argv[1]))
    print("ready", flush=True)
    for line in sys.stdin:
        source, target = line.split()
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
            try:
                doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
            finally:
                doc.close(True)
            print("ok", flush=True)
        except Exception as error:  # reported to the benchmark, which stops
            print("error %s" % str(error).replace("\n", " "), flush=True)


main()
