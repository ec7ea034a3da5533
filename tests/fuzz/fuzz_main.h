/* fuzz_main.h: forced into the program's sources built for the fuzz
 * targets (libfuzzcli.a), where -Dmain=schedsim_main renames main() so
 * libFuzzer's runs: the renamed function's prototype. */
int main(int argc, char **argv);
