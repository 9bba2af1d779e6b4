@echo off
rem The site command of an installed copy on Windows: bin\ and lib\ side by side, bin\ on PATH.
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC %SITE_JAVA_OPTS% -cp "%~dp0..\lib\*" io.sitegen.cli.Main %*
exit /b %ERRORLEVEL%
