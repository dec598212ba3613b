; Included by the per-machine NSIS installer (electron-builder.machine.yml, nsis.include). After a per-machine
; install it registers the Windows service "Calpump" (`calpump service install`, run by Calpump.exe itself: see
; src/main/cli-launch.ts) with the WinSW wrapper shipped in resources\winsw; before an uninstall it removes it.
; An update (--updated) keeps the service (stopped while files are replaced, started again); /noservice on the
; installer's command line skips it.
; Output goes to the install log; a failure does not stop the install (docs/deployment.md says how to check).

; A running service holds Calpump.exe open: stop it before files are replaced (customInstall starts it again), then
; electron-builder's own check for running copies of the app.
!macro customCheckAppRunning
  nsExec::ExecToLog 'sc.exe stop Calpump'
  Pop $0
  !insertmacro _CHECK_APP_RUNNING
!macroend

!macro customInstall
  ${if} $installMode == "all"
    ${GetParameters} $R0
    ClearErrors
    ${GetOptions} $R0 "/noservice" $R1
    ${if} ${Errors}
      nsExec::ExecToLog 'sc.exe query Calpump'
      Pop $0
      ${if} $0 == 0
        DetailPrint "Starting the Windows service Calpump again"
        nsExec::ExecToLog 'sc.exe start Calpump'
        Pop $0
      ${else}
        DetailPrint "Registering the Windows service Calpump"
        nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --calpump-cli service install --winsw "$INSTDIR\resources\winsw\WinSW-x64.exe"'
        Pop $0
        ${if} $0 != 0
          DetailPrint "calpump service install ended with exit code $0"
        ${endif}
      ${endif}
    ${else}
      DetailPrint "/noservice: the Windows service is not registered"
    ${endif}
  ${endif}
!macroend

!macro customUnInstall
  ${if} $installMode == "all"
    ${ifNot} ${isUpdated}
      DetailPrint "Removing the Windows service Calpump"
      nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --calpump-cli service uninstall'
      Pop $0
    ${endif}
  ${endif}
!macroend
