"""The bare side of the window start-up figure: a PySide6 QMainWindow with an empty QTableView.

A standalone script (run by path, never `-m tests...`) that imports nothing of the project, so
the ratio compares the desk with PySide6 alone; prints "ready" after the first painted frame.
"""

import os
import time

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication([])
window = QMainWindow()
table = QTableView(window)
table.setModel(QStandardItemModel(0, 9, table))
window.setCentralWidget(table)
window.resize(1280, 800)
window.show()
while not window.windowHandle().isExposed():
    app.processEvents()
    time.sleep(0.0005)
window.repaint()
print("ready", flush=True)
os._exit(0)
