"""The Qt desktop app: the only layer that imports Qt (QtCore, QtGui and QtWidgets only)."""

from .refcount_guard import protect_singletons

protect_singletons()
