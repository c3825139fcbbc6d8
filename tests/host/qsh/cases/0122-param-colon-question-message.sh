unset x
msg=$( (: ${x:?custom message}) 2>&1 )
case $msg in *"custom message"*) echo has message;; esac
