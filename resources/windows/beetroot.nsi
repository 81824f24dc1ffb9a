; Beetroot's Windows installer (NSIS 3): Beetroot-Setup-<version>.exe.
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DPAYLOAD=dist\Beetroot -DOUTFILE=dist\Beetroot-Setup-0.1.0.exe beetroot.nsi
;
; installers/package.py nsis passes these from beetroot_desktop.__version__. The installer works for the
; current user only: no administrator rights, the app goes to %LOCALAPPDATA%\Programs\Beetroot, the Start
; menu entry and the "Installed apps" entry are the user's. The library and the settings live elsewhere
; (%LOCALAPPDATA%\Beetroot) and neither an upgrade nor the uninstaller touches them.

!ifndef VERSION
  !error "define VERSION (the app's version, e.g. -DVERSION=0.1.0)"
!endif
!ifndef VERSION4
  !error "define VERSION4 (four numbers for the file properties, e.g. -DVERSION4=0.1.0.0)"
!endif
!ifndef PAYLOAD
  !error "define PAYLOAD (the one-folder bundle, dist\Beetroot)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Beetroot-Setup-${VERSION}.exe"
!endif
!ifndef ICON
  !define ICON "..\icons\beetroot.ico"
!endif

!define APP "Beetroot"
!define EXE "Beetroot.exe"
!define UNINSTALLER "Uninstall Beetroot.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Beetroot"
!define SETTINGS_KEY "Software\Beetroot"

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey "ProductName" "${APP}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${APP} installer"
VIAddVersionKey "CompanyName" "${APP}"
VIAddVersionKey "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${APP}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP} will be removed from $INSTDIR. Your photo library and settings in $LOCALAPPDATA\${APP} are kept; delete that folder yourself to remove them too."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Beetroot" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the previous version's files: none of them may linger next to the new ones.
  RMDir /r "$INSTDIR\_internal"
  File "${PAYLOAD}\${EXE}"
  File /r "${PAYLOAD}\_internal"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Removes what the installer put there and nothing else: the folder itself only when it is empty then,
; and never the library or the settings (%LOCALAPPDATA%\Beetroot, or wherever the user moved the library).
Section "Uninstall"
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
