"""The Qt desktop app: the only layer that imports Qt (QtCore, QtGui and QtWidgets only)."""
