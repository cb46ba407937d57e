// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EventTicket} from "./EventTicket.sol";

/// @title TicketFactory
/// @notice Deploys one EventTicket per event. `EventCreated` is how indexers discover events.
contract TicketFactory {
    /// @notice Every event ever created, in creation order.
    address[] public events;

    error TicketFactoryEmptyName();

    event EventCreated(
        address indexed ticket, address indexed organizer, uint256 indexed eventId, string name, uint64 startTime
    );

    /// @notice Creates an event owned by the caller.
    /// @return ticket The new event's ERC-721 contract.
    function createEvent(string calldata name, string calldata symbol, uint64 startTime)
        external
        returns (address ticket)
    {
        if (bytes(name).length == 0) revert TicketFactoryEmptyName();
        ticket = address(new EventTicket(name, symbol, msg.sender, startTime));
        uint256 eventId = events.length;
        events.push(ticket);
        emit EventCreated(ticket, msg.sender, eventId, name, startTime);
    }

    /// @notice Number of events created.
    function eventCount() external view returns (uint256) {
        return events.length;
    }
}
