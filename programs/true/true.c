/*
 * true: does nothing, successfully. Ignores its arguments.
 */
int main(void)
{
    return 0;
}
