Console.WriteLine("Workflows.Bench: benchmarks land with the benchmark issue.");
