"""Small Qt-free pieces shared by every core package: errors, progress, i18n, safe file writes."""
