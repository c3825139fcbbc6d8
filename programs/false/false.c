/*
 * false: does nothing, unsuccessfully (exit status 1). Ignores its arguments.
 */
int main(void)
{
    return 1;
}
