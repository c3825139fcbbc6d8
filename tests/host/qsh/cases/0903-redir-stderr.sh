ls /nonexistent_dir_xyz 2> err
[ -s err ] && echo has-error
