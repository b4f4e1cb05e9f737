import { Center, Stack, Text, Title } from '@mantine/core';

export function ComingSoon({ title, text }: { title: string; text: string }) {
  return (
    <Center h="100%">
      <Stack align="center" gap="xs">
        <Title order={3}>{title}</Title>
        <Text c="dimmed">{text}</Text>
      </Stack>
    </Center>
  );
}
